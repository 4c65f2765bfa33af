import "server-only";
import { getDb } from "../../db/client";

// The number of products, for sizing the search (exactLimit). The planner's own row count of the
// table (pg_class.reltuples, kept by autovacuum), read at most once a minute per process: it only
// moves a threshold, so a minute-old value is as good as a fresh one.
const TTL_MS = 60_000;
let cached: { at: number; n: number } | undefined;

export async function catalogSize(now = Date.now()): Promise<number> {
  if (cached && now - cached.at < TTL_MS) return cached.n;
  const rows = await getDb().$queryRaw<{ n: number }[]>`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = '"DataProduct"'::regclass`;
  cached = { at: now, n: Number(rows[0]?.n ?? 0) };
  return cached.n;
}
