import fs from "node:fs";
import pg from "pg";
import { openDb } from "./setup";
async function main() {
  const db = await openDb();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query(`TRUNCATE "SloMeasurement"`);
    await c.query(`DROP TABLE IF EXISTS m_text, m_int`);
    await c.query(`CREATE TABLE m_text ("productId" text NOT NULL, "idempotencyKey" text NOT NULL, "sloId" text NOT NULL, value float8 NOT NULL, met boolean NOT NULL, "observedAt" timestamp(3) NOT NULL, "receivedAt" timestamp(3) NOT NULL, PRIMARY KEY ("productId", "idempotencyKey")); CREATE INDEX ON m_text ("sloId", "observedAt")`);
    await c.query(`CREATE TABLE m_int ("productNo" int NOT NULL, "idempotencyKey" text NOT NULL, "sloNo" int NOT NULL, value float8 NOT NULL, met boolean NOT NULL, "observedAt" timestamp(3) NOT NULL, "receivedAt" timestamp(3) NOT NULL, PRIMARY KEY ("productNo", "idempotencyKey")); CREATE INDEX ON m_int ("sloNo", "observedAt")`);
    const slos = (await c.query(`SELECT s.id, s."productId" FROM "Slo" s JOIN "DataProduct" p ON p.id = s."productId" WHERE s.objective IN ('FRESHNESS','COMPLETENESS') ORDER BY p.key LIMIT 400`)).rows;
    const run = Date.now().toString(36);
    let seq = 0;
    const q = (a: unknown[]) => `{${a.map((x) => typeof x === "string" ? `"${x}"` : String(x)).join(",")}}`;
    const gen = () => {
      const o = { slot: [] as number[], slo: [] as string[], pid: [] as string[], v: [] as number[], obs: [] as string[], ms: [] as number[], k: [] as string[] };
      const t = Date.now();
      for (let i = 0; i < 1000; i++) { const s = slos[i % slos.length]; o.slot.push((i % slos.length) + 1); o.slo.push(s.id); o.pid.push(s.productId); o.v.push(10); o.obs.push(new Date(t - (i % 600) * 1000).toISOString()); o.ms.push(t - (i % 600) * 1000); o.k.push(`${run}-${seq++}`); }
      return o;
    };
    const variants: Record<string, [string, (o: ReturnType<typeof gen>) => unknown[]]> = {
      text: [`WITH live AS (SELECT d.slot::int AS slot, d.slo, d.pid FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS d(slo, pid, slot))
        INSERT INTO m_text ("sloId","productId","value","met","observedAt","receivedAt","idempotencyKey")
        SELECT live.slo, live.pid, i.v, i.met, to_timestamp(i.ms / 1000) AT TIME ZONE 'UTC', now()::timestamp(3), i.k
        FROM unnest($3::int[], $4::float8[], $5::boolean[], $6::float8[], $7::text[]) AS i(slot, v, met, ms, k) JOIN live ON live.slot = i.slot
        ON CONFLICT DO NOTHING`, (o) => [q(slos.map((s) => s.id)), q(slos.map((s) => s.productId)), q(o.slot), q(o.v), q(o.v.map(() => "t")), q(o.ms), q(o.k)]],
      int: [`WITH live AS (SELECT d.slot::int AS slot, d.slo, d.pid FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS d(slo, pid, slot))
        INSERT INTO m_int ("sloNo","productNo","value","met","observedAt","receivedAt","idempotencyKey")
        SELECT live.slo, live.pid, i.v, i.met, to_timestamp(i.ms / 1000) AT TIME ZONE 'UTC', now()::timestamp(3), i.k
        FROM unnest($3::int[], $4::float8[], $5::boolean[], $6::float8[], $7::text[]) AS i(slot, v, met, ms, k) JOIN live ON live.slot = i.slot
        ON CONFLICT DO NOTHING`, (o) => [q(slos.map((_, i) => 1000 + i)), q(slos.map((_, i) => 5000 + Math.floor(i / 2))), q(o.slot), q(o.v), q(o.v.map(() => "t")), q(o.ms), q(o.k)]],
      old: [`INSERT INTO "SloMeasurement" ("sloId","productId","value","met","observedAt","receivedAt","idempotencyKey")
        SELECT i.slo, i.pid, i.v, i.met, (i.obs::timestamptz AT TIME ZONE 'UTC')::timestamp(3), now()::timestamp(3), i.k
        FROM unnest($1::text[], $2::text[], $3::float8[], $4::boolean[], $5::text[], $6::text[]) AS i(slo,pid,v,met,obs,k)
        WHERE i.slo IN (SELECT id FROM "Slo" WHERE id = ANY($1::text[]))
        ON CONFLICT ("productId","idempotencyKey") DO NOTHING`, (o) => [q(o.slo), q(o.pid), q(o.v), q(o.v.map(() => "t")), q(o.obs), q(o.k)]],
      oldAnti: [`INSERT INTO "SloMeasurement" ("sloId","productId","value","met","observedAt","receivedAt","idempotencyKey")
        SELECT i.slo, i.pid, i.v, i.met, (i.obs::timestamptz AT TIME ZONE 'UTC')::timestamp(3), now()::timestamp(3), i.k
        FROM unnest($1::text[], $2::text[], $3::float8[], $4::boolean[], $5::text[], $6::text[]) AS i(slo,pid,v,met,obs,k)
        WHERE i.slo IN (SELECT id FROM "Slo" WHERE id = ANY($1::text[])) AND NOT EXISTS (SELECT 1 FROM "SloMeasurement" m WHERE m."productId" = i.pid AND m."idempotencyKey" = i.k)`, (o) => [q(o.slo), q(o.pid), q(o.v), q(o.v.map(() => "t")), q(o.obs), q(o.k)]],
      dictAnti: [`WITH live AS (SELECT d.slot::int AS slot, d.slo, d.pid FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS d(slo, pid, slot) WHERE EXISTS (SELECT 1 FROM "Slo" s WHERE s.id = d.slo))
        INSERT INTO "SloMeasurement" ("sloId","productId","value","met","observedAt","receivedAt","idempotencyKey")
        SELECT live.slo, live.pid, i.v, i.met, to_timestamp(i.ms / 1000) AT TIME ZONE 'UTC', now()::timestamp(3), i.k
        FROM unnest($3::int[], $4::float8[], $5::boolean[], $6::float8[], $7::text[]) AS i(slot, v, met, ms, k) JOIN live ON live.slot = i.slot
        WHERE NOT EXISTS (SELECT 1 FROM "SloMeasurement" m WHERE m."productId" = live.pid AND m."idempotencyKey" = i.k)`, (o) => [q(slos.map((s) => s.id)), q(slos.map((s) => s.productId)), q(o.slot), q(o.v), q(o.v.map(() => "t")), q(o.ms), q(o.k)]],
      dictConflict: [`WITH live AS (SELECT d.slot::int AS slot, d.slo, d.pid FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS d(slo, pid, slot) WHERE EXISTS (SELECT 1 FROM "Slo" s WHERE s.id = d.slo))
        INSERT INTO "SloMeasurement" ("sloId","productId","value","met","observedAt","receivedAt","idempotencyKey")
        SELECT live.slo, live.pid, i.v, i.met, to_timestamp(i.ms / 1000) AT TIME ZONE 'UTC', now()::timestamp(3), i.k
        FROM unnest($3::int[], $4::float8[], $5::boolean[], $6::float8[], $7::text[]) AS i(slot, v, met, ms, k) JOIN live ON live.slot = i.slot
        ON CONFLICT ("productId","idempotencyKey") DO NOTHING`, (o) => [q(slos.map((s) => s.id)), q(slos.map((s) => s.productId)), q(o.slot), q(o.v), q(o.v.map(() => "t")), q(o.ms), q(o.k)]],
    };
    const pidOf = (await c.query(`SELECT pg_backend_pid() AS p`)).rows[0].p;
    const cpu = () => { const f = fs.readFileSync(`/proc/${pidOf}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
    const names = (process.env.VARIANTS ?? Object.keys(variants).join(",")).split(",");
    const tot: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < 6; round++) for (const t of names) {
      const [sql, params] = variants[t]!;
      const c0 = cpu();
      for (let b = 0; b < 20; b++) { const p = params(gen()); await c.query("BEGIN"); await c.query(sql, p); await c.query("COMMIT"); }
      tot[t]!.push((cpu() - c0) / 20);
    }
    for (const t of names) console.log(t.padEnd(14), "backend CPU ms per 1,000 rows:", tot[t]!.map((x) => x.toFixed(1)).join(" "), "median", [...tot[t]!].sort((a, b) => a - b)[3]!.toFixed(1));
  } finally { await c.end(); await db.stop(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
