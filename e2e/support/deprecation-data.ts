// TEST DATA SETUP ONLY: writes a fresh world for the deprecation journey straight into the e2e
// database (its URL is written by `scripts/run.mjs e2e-server` to test-results/). Every run gets
// its own users, teams, domain and product, so no other spec's data is touched.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";

export const PASSWORD = "e2e-deprecations-pw";
const id = () => `e2e${randomBytes(10).toString("hex")}`;

export function e2eDatabaseUrl(port: number): string {
  const file = path.join(process.cwd(), "test-results", `e2e-database-url-${port}.txt`);
  return fs.readFileSync(file, "utf8").trim();
}

const docFor = (version: string) => ({
  name: "Shipments", version, owner: "logistics",
  schema: { fields: [{ name: "id", type: "string", required: true }, { name: "weight", type: "number", required: false }] },
  sla: { freshness: { maxAgeMinutes: 60, target: 99, windowDays: 28 } },
  semantics: { summary: "Shipments", fields: {}, rules: [] },
});

export async function seedDeprecationWorld(port: number) {
  const s = randomBytes(3).toString("hex");
  const c = new pg.Client({ connectionString: e2eDatabaseUrl(port) });
  await c.connect();
  try {
    const pw = await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const user = async (label: string) => {
      const u = { id: id(), email: `${label}-${s}@e2e.test`, name: `${label} ${s}` };
      await c.query(`insert into "User"(id,email,name,"passwordHash","updatedAt") values ($1,$2,$3,$4,now())`, [u.id, u.email, u.name, pw]);
      return u;
    };
    const team = async (slug: string, owner: { id: string }) => {
      const t = { id: id(), slug: `${slug}-${s}`, name: `${slug} ${s}` };
      await c.query(`insert into "Team"(id,slug,name,"updatedAt") values ($1,$2,$3,now())`, [t.id, t.slug, t.name]);
      await c.query(`insert into "Membership"("teamId","userId",role) values ($1,$2,'OWNER')`, [t.id, owner.id]);
      return t;
    };
    const owner = await user("owner");
    const mover = await user("mover");
    const stayer = await user("stayer");
    const ownerTeam = await team("logistics", owner);
    const moverTeam = await team("planning", mover);
    const stayerTeam = await team("finance", stayer);
    const domain = { id: id(), slug: `logistics${s}` };
    await c.query(`insert into "Domain"(id,slug,name,"teamId","updatedAt") values ($1,$2,$3,$4,now())`, [domain.id, domain.slug, `Logistics ${s}`, ownerTeam.id]);
    const product = { id: id(), key: `${domain.slug}.shipments.gold` };
    await c.query(`insert into "DataProduct"(id,key,"domainId","teamId",topic,tier,name,"lifecycleStatus","updatedAt") values ($1,$2,$3,$4,'shipments','GOLD',$5,'ACTIVE',now())`, [product.id, product.key, domain.id, ownerTeam.id, `Shipments ${s}`]);
    const versions: Record<string, string> = {};
    const day = 864e5;
    for (const [i, v] of ["2.0.0", "2.1.0", "3.0.0"].entries()) {
      const [major, minor, patch] = v.split(".").map(Number);
      versions[v] = id();
      await c.query(
        `insert into "ContractVersion"(id,"productId",version,major,minor,patch,owner,sla,semantics,document,"sourceYaml","publishedAt") values ($1,$2,$3,$4,$5,$6,'logistics',$7,$8,$9,'',$10)`,
        [versions[v], product.id, v, major, minor, patch, JSON.stringify(docFor(v).sla), JSON.stringify(docFor(v).semantics), JSON.stringify(docFor(v)), new Date(Date.now() - (300 - i * 100) * day)],
      );
    }
    await c.query(`update "DataProduct" set "currentVersionId"=$1, "activeSubscriberCount"=2 where id=$2`, [versions["3.0.0"], product.id]);
    const sub = async (teamId: string, pin: string) => {
      const sid = id();
      await c.query(`insert into "Subscription"(id,"productId","consumerTeamId","pinRange",purpose,status,"resolvedVersionId","updatedAt") values ($1,$2,$3,$4,'weekly report','ACTIVE',$5,now())`, [sid, product.id, teamId, pin, versions["2.1.0"]]);
      return sid;
    };
    const moverSub = await sub(moverTeam.id, "^2.1");
    const stayerSub = await sub(stayerTeam.id, "2.x");
    return { owner, mover, stayer, ownerTeam, moverTeam, stayerTeam, product, moverSub, stayerSub };
  } finally {
    await c.end();
  }
}
