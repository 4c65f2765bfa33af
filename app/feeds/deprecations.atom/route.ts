// Public Atom feed of deprecation notices (no sign-in: proxy.ts leaves /feeds public).
import { buildAtomFeed } from "@/lib/domain/deprecations/atom";
import { listFeedNotices } from "@/lib/server/services/deprecations/list-feed-notices";
import { currentTime } from "@/lib/server/clock";
import { env } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const base = env().NEXTAUTH_URL ?? new URL(req.url).origin;
  const xml = buildAtomFeed({ baseUrl: base, notices: await listFeedNotices(), now: await currentTime() });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=300" } });
}
