// Test runs only (TESSERA_TEST_CLOCK=1, set by `scripts/run.mjs e2e-server`): a 404 otherwise.
// POST { advanceDays?, advanceMs?, offsetMs?, productKey? } moves the clock, then runs the
// deprecation lifecycle (of `productKey` only, when given: journeys share one e2e database) and
// webhook delivery synchronously, so a journey never waits for the cron.
import { z } from "zod";
import { env } from "@/lib/server/env";
import { advanceTestClock } from "@/lib/server/services/system/advance-test-clock";
import { runLifecycle } from "@/lib/server/services/deprecations/run-lifecycle";
import { deliverDueWebhooks } from "@/lib/server/services/webhooks/deliver-webhooks";

export const dynamic = "force-dynamic";

const ZBody = z.object({ advanceDays: z.number().min(0).max(3650).optional(), advanceMs: z.number().min(0).optional(), offsetMs: z.number().optional(), productKey: z.string().max(200).optional() });
const notFound = () => Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });

export async function GET() {
  if (!env().TESSERA_TEST_CLOCK) return notFound();
  const r = await advanceTestClock({ advanceMs: 0 });
  return Response.json(r);
}

export async function POST(req: Request) {
  if (!env().TESSERA_TEST_CLOCK) return notFound();
  const parsed = ZBody.safeParse(await req.json().catch(() => ({})));
  if (!parsed.success) return Response.json({ error: { code: "validation_failed", message: "Invalid body", details: parsed.error.issues } }, { status: 400 });
  const b = parsed.data;
  const clock = await advanceTestClock({ advanceMs: (b.advanceMs ?? 0) + (b.advanceDays ?? 0) * 864e5, offsetMs: b.offsetMs });
  const lifecycle = await runLifecycle({ now: clock.now, productKey: b.productKey });
  const webhooks = await deliverDueWebhooks({ now: clock.now });
  return Response.json({ ...clock, lifecycle, webhooks });
}
