// TEST DATA SETUP ONLY: people of its own for a spec (straight into the e2e database), so a spec
// that creates teams or changes memberships never touches the demo accounts other specs rely on.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { e2eDatabaseUrl } from "./cli";

export const FRESH_PASSWORD = "e2e-fresh-user-pw";

export async function freshUsers(...labels: string[]): Promise<{ email: string; password: string; name: string }[]> {
  const s = randomBytes(3).toString("hex");
  const c = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await c.connect();
  try {
    const pw = await hash(FRESH_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const out = [];
    for (const label of labels) {
      const u = { id: `e2e${randomBytes(10).toString("hex")}`, email: `${label}-${s}@e2e.test`, name: `${label[0].toUpperCase()}${label.slice(1)} ${s}` };
      await c.query(`insert into "User"(id,email,name,"passwordHash","updatedAt") values ($1,$2,$3,$4,now())`, [u.id, u.email, u.name, pw]);
      out.push({ email: u.email, password: FRESH_PASSWORD, name: u.name });
    }
    return out;
  } finally {
    await c.end();
  }
}
