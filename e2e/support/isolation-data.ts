// TEST DATA SETUP ONLY: a fresh two-team world for e2e/tenant-isolation.spec.ts, written straight
// into the e2e database, so no other spec's data is involved. Team A: the attacker (an owner, with
// a password). Team B: the victim, owning a product with two published versions and a deprecation
// notice, and subscribing to a product of a third team C.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { e2eDatabaseUrl } from "./cli";

export const ISOLATION_PASSWORD = "e2e-isolation-pw";
const id = () => `e2e${randomBytes(10).toString("hex")}`;

const doc = (version: string) => ({
  name: "Invoices",
  version,
  owner: "billing",
  schema: { fields: [{ name: "id", type: "string", required: true, description: "Invoice id" }, { name: "amount", type: "number", required: false, description: "Total" }] },
  sla: { freshness: { maxAgeMinutes: 60, target: 99, windowDays: 28 }, completeness: { minPercent: 99, target: 99, windowDays: 28 }, accuracy: { minPercent: 99, target: 99, windowDays: 28 } },
  semantics: { summary: "Invoices", fields: { id: "Invoice id", amount: "Total" }, rules: [] },
});

export async function seedIsolationWorld() {
  const s = randomBytes(3).toString("hex");
  const c = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await c.connect();
  try {
    const pw = await hash(ISOLATION_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const user = async (label: string) => {
      const u = { id: id(), email: `${label}-${s}@e2e.test`, name: `${label} ${s}` };
      await c.query(`insert into "User"(id,email,name,"passwordHash","updatedAt") values ($1,$2,$3,$4,now())`, [u.id, u.email, u.name, pw]);
      return u;
    };
    const team = async (slug: string, owner: { id: string }) => {
      const t = { id: id(), slug: `${slug}-${s}`, name: `${slug} ${s}` };
      await c.query(`insert into "Team"(id,slug,name,"onCallHandle","contactChannel","updatedAt") values ($1,$2,$3,$4,$5,now())`, [t.id, t.slug, t.name, `@${slug}-oncall`, `#${slug}`]);
      await c.query(`insert into "Membership"("teamId","userId",role) values ($1,$2,'OWNER')`, [t.id, owner.id]);
      return t;
    };
    const product = async (teamId: string, domainSlug: string, topic: string) => {
      const domain = id();
      await c.query(`insert into "Domain"(id,slug,name,"teamId","updatedAt") values ($1,$2,$3,$4,now())`, [domain, domainSlug, domainSlug, teamId]);
      const p = { id: id(), key: `${domainSlug}.${topic}.gold` };
      await c.query(`insert into "DataProduct"(id,key,"domainId","teamId",topic,tier,name,"lifecycleStatus","updatedAt") values ($1,$2,$3,$4,$5,'GOLD',$6,'ACTIVE',now())`, [p.id, p.key, domain, teamId, topic, `${topic} ${s}`]);
      let current = "";
      for (const [i, v] of ["1.0.0", "1.1.0"].entries()) {
        current = id();
        const d = doc(v);
        await c.query(
          `insert into "ContractVersion"(id,"productId",version,major,minor,patch,owner,sla,semantics,document,"sourceYaml","publishedAt") values ($1,$2,$3,1,$4,0,'billing',$5,$6,$7,'',$8)`,
          [current, p.id, v, i, JSON.stringify(d.sla), JSON.stringify(d.semantics), JSON.stringify(d), new Date(Date.now() - (100 - i * 50) * 864e5)],
        );
      }
      await c.query(`update "DataProduct" set "currentVersionId"=$1 where id=$2`, [current, p.id]);
      return { ...p, currentVersionId: current };
    };
    const attacker = await user("attacker");
    const victim = await user("victim");
    const third = await user("third");
    const teamA = await team("attackers", attacker);
    const teamB = await team("victims", victim);
    const teamC = await team("thirds", third);
    await product(teamA.id, `adom${s}`, "ledger");
    const productB = await product(teamB.id, `bdom${s}`, "invoices");
    const productC = await product(teamC.id, `cdom${s}`, "rates");
    const noticeId = id();
    // As publishing a notice does: the versions in its range are DEPRECATED (the lifecycle job
    // would otherwise reconcile them during the test).
    await c.query(`update "ContractVersion" set status='DEPRECATED', "deprecatedAt"=now() where "productId"=$1 and version='1.0.0'`, [productB.id]);
    await c.query(`insert into "DeprecationNotice"(id,"productId","targetRange",reason,"sunsetAt","updatedAt") values ($1,$2,'1.0.x','Superseded by 1.1',$3,now())`, [noticeId, productB.id, new Date(Date.now() + 200 * 864e5)]);
    const subscriptionId = id();
    await c.query(`insert into "Subscription"(id,"productId","consumerTeamId","pinRange",purpose,status,"resolvedVersionId","updatedAt") values ($1,$2,$3,'^1.0','monthly close','ACTIVE',$4,now())`, [subscriptionId, productC.id, teamB.id, productC.currentVersionId]);
    return { attacker, victim, teamA, teamB, teamC, productB, productC, noticeId, subscriptionId };
  } finally {
    await c.end();
  }
}
