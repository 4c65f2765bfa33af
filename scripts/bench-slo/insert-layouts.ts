// The measurement INSERT alone, old table layout (bigserial id, unique idempotency index, two
// foreign keys) against the current one (docs/adr/0005): one backend, the same statement and
// data, CPU of the backend process from /proc. On the bench database; the two scratch tables are
// dropped at the end. Run: node --conditions=react-server --import tsx scripts/bench-slo/insert-layouts.ts
import fs from "node:fs";
import pg from "pg";
import { openDb } from "./setup";
async function main() {
  const db = await openDb();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const slos = (await c.query(`SELECT s.id, s."productId" FROM "Slo" s JOIN "DataProduct" p ON p.id = s."productId" WHERE s.objective IN ('FRESHNESS','COMPLETENESS') ORDER BY p.key LIMIT 400`)).rows;
    await c.query(`DROP TABLE IF EXISTS m_old, m_new`);
    await c.query(`CREATE TABLE m_old (id bigserial PRIMARY KEY, "sloId" text NOT NULL REFERENCES "Slo"(id) ON DELETE CASCADE, "productId" text NOT NULL REFERENCES "DataProduct"(id) ON DELETE CASCADE,
      value float8 NOT NULL, met boolean NOT NULL, "observedAt" timestamp(3) NOT NULL, "receivedAt" timestamp(3) NOT NULL DEFAULT now(), "idempotencyKey" text NOT NULL)`);
    await c.query(`CREATE UNIQUE INDEX ON m_old ("productId", "idempotencyKey"); CREATE INDEX ON m_old ("sloId", "observedAt")`);
    await c.query(`CREATE TABLE m_new ("productId" text NOT NULL, "idempotencyKey" text NOT NULL, "sloId" text NOT NULL, value float8 NOT NULL, met boolean NOT NULL,
      "observedAt" timestamp(3) NOT NULL, "receivedAt" timestamp(3) NOT NULL DEFAULT now(), PRIMARY KEY ("productId", "idempotencyKey"))`);
    await c.query(`CREATE INDEX ON m_new ("sloId", "observedAt")`);
    const run = Date.now().toString(36);
    let seq = 0;
    const q = (a: string[]) => `{${a.map((x) => `"${x}"`).join(",")}}`;
    const cols = () => {
      const o = { slo: [] as string[], pid: [] as string[], v: [] as number[], obs: [] as string[], k: [] as string[] };
      const t = Date.now();
      for (let i = 0; i < 1000; i++) { const s = slos[i % slos.length]; o.slo.push(s.id); o.pid.push(s.productId); o.v.push(10); o.obs.push(new Date(t - (i % 600) * 1000).toISOString()); o.k.push(`${run}-${seq++}`); }
      return [q(o.slo), q(o.pid), `{${o.v.join(",")}}`, `{${o.v.map(() => "t").join(",")}}`, q(o.obs), q(o.k)];
    };
    const sql = (t: string) => `INSERT INTO ${t} ("sloId","productId","value","met","observedAt","receivedAt","idempotencyKey")
        SELECT i.slo, i.pid, i.v, i.met, (i.obs::timestamptz AT TIME ZONE 'UTC')::timestamp(3), now()::timestamp(3), i.k
        FROM unnest($1::text[], $2::text[], $3::float8[], $4::boolean[], $5::text[], $6::text[]) AS i(slo,pid,v,met,obs,k)
        ON CONFLICT ("productId","idempotencyKey") DO NOTHING`;
    const pidOf = (await c.query(`SELECT pg_backend_pid() AS p`)).rows[0].p;
    const cpu = () => { const f = fs.readFileSync(`/proc/${pidOf}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
    const tot: Record<string, number[]> = { m_old: [], m_new: [] };
    for (let round = 0; round < 6; round++) for (const t of ["m_old", "m_new"]) {
      const c0 = cpu();
      for (let b = 0; b < 20; b++) { const p = cols(); await c.query("BEGIN"); await c.query(sql(t), p); await c.query("COMMIT"); }
      tot[t].push((cpu() - c0) / 20);
    }
    for (const t of ["m_old", "m_new"]) console.log(t, "backend CPU ms per 1,000 rows by round:", tot[t].map((x) => x.toFixed(1)).join(" "), "median", [...tot[t]].sort((a, b) => a - b)[3].toFixed(1));
    console.log("rows", (await c.query(`SELECT (SELECT count(*) FROM m_old) a, (SELECT count(*) FROM m_new) b`)).rows[0]);
    await c.query(`DROP TABLE m_old, m_new`);
  } finally { await c.end(); await db.stop(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
