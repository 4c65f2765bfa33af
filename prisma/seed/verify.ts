// Checks the invariants of the seeded demo data against the database, recomputing with the same
// lib/domain engines. Returns the problems found (empty when all hold).
// Run: node --conditions=react-server --import tsx prisma/seed/verify.ts (with DATABASE_URL).
import semver from "semver";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/server/db/generated/client";
import { verifyPassword } from "../../lib/server/auth/password";
import { ZContractDocument } from "../../lib/domain/contracts/document";
import { diffContracts } from "../../lib/domain/contracts/diff";
import { flattenFields } from "../../lib/domain/contracts/flatten";
import { parseContractYaml } from "../../lib/domain/contracts/yaml";
import { checkTierDependency } from "../../lib/domain/governance/tier-rules";
import { declaredBump } from "../../lib/domain/versions/bump";
import { resolvePin } from "../../lib/domain/versions/resolve";
import { evaluateSlo } from "../../lib/domain/slo/status";
import { DEMO_ACCOUNTS } from "./accounts";
import { worst } from "./plan-status";

/** JSON with sorted keys: jsonb does not keep key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

export async function verifyDemoData(db: PrismaClient): Promise<string[]> {
  const problems: string[] = [];
  const fail = (m: string) => problems.push(m);
  const products = await db.dataProduct.findMany({
    include: { domain: true, versions: { include: { fields: { orderBy: { position: "asc" } } } }, slos: true, subscriptions: true },
  });
  for (const p of products) {
    const versions = [...p.versions].sort((a, b) => semver.compare(a.version, b.version));
    const live = versions.filter((v) => v.status !== "RETIRED");
    const expected = (live.length ? live : versions).at(-1);
    if (!p.currentVersionId || p.currentVersionId !== expected?.id) fail(`${p.key}: current version is not the newest non-retired one`);
    versions.forEach((v, i) => {
      const doc = ZContractDocument.parse(v.document);
      const prev = versions[i - 1];
      const want = prev ? diffContracts(ZContractDocument.parse(prev.document), doc).required : null;
      if (v.changeClass !== want) fail(`${p.key} ${v.version}: changeClass ${v.changeClass}, engine says ${want}`);
      if (prev && declaredBump(prev.version, v.version) !== v.changeClass) fail(`${p.key} ${v.version}: bump does not match changeClass ${v.changeClass}`);
      const parsed = parseContractYaml(v.sourceYaml);
      if (!parsed.ok || canonical(parsed.document) !== canonical(doc)) fail(`${p.key} ${v.version}: sourceYaml does not round-trip to the document`);
      const flat = flattenFields(doc).map((f) => [f.path, f.type, f.required, f.pii, f.mask].join("|"));
      const rows = v.fields.map((f) => [f.path, f.type, f.required, f.pii, f.mask].join("|"));
      if (flat.join("\n") !== rows.join("\n")) fail(`${p.key} ${v.version}: ContractField rows differ from the flattened schema`);
      if (p.tier === "GOLD" && v.fields.some((f) => f.pii && !f.mask)) fail(`${p.key} ${v.version}: unmasked PII field in GOLD`);
    });
    for (const s of p.subscriptions) {
      const resolved = resolvePin(s.pinRange, p.versions);
      if (s.status === "ACTIVE" || s.status === "PENDING" || s.status === "BROKEN") {
        if ((resolved?.id ?? null) !== s.resolvedVersionId) fail(`${p.key} ${s.pinRange}: resolvedVersionId is not the pin's resolution`);
        if ((s.status === "BROKEN") !== (resolved === null)) fail(`${p.key} ${s.pinRange}: status ${s.status} but resolution ${resolved?.version ?? "none"}`);
      }
    }
    const active = p.subscriptions.filter((s) => s.status === "ACTIVE").length;
    if (active !== p.activeSubscriberCount) fail(`${p.key}: activeSubscriberCount ${p.activeSubscriberCount}, ${active} active subscriptions`);
    for (const slo of p.slos) {
      const measurements = await db.sloMeasurement.findMany({ where: { sloId: slo.id }, select: { value: true, observedAt: true } });
      const e = evaluateSlo({ slo, measurements, now: slo.statusComputedAt ?? new Date() });
      if (e.status !== slo.status) fail(`${p.key} ${slo.objective}: status ${slo.status}, evaluation says ${e.status}`);
    }
    if (p.slos.length > 0 && worst(p.slos.map((s) => s.status)) !== p.sloStatus) fail(`${p.key}: sloStatus is not the worst objective`);
  }
  const byId = new Map(products.map((p) => [p.id, p]));
  const ref = (id: string) => ({ domain: byId.get(id)!.domain.slug, topic: byId.get(id)!.topic, tier: byId.get(id)!.tier });
  for (const d of await db.dependency.findMany({ where: { upstreamProductId: { not: null } } })) {
    const check = checkTierDependency(ref(d.downstreamId), ref(d.upstreamProductId!));
    if (d.origin !== "OBSERVED" && !check.ok) fail(`dependency ${byId.get(d.downstreamId)!.key} <- ${byId.get(d.upstreamProductId!)!.key}: ${check.message}`);
    if (d.origin === "OBSERVED" && (check.ok ? null : check.rule) !== d.violation) fail(`observed dependency ${byId.get(d.downstreamId)!.key}: violation not recorded`);
  }
  const badMet = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "SloMeasurement" m JOIN "Slo" s ON s.id = m."sloId"
    WHERE m.met <> (CASE WHEN s.objective IN ('FRESHNESS', 'LATE_ARRIVAL') THEN m.value <= s.threshold ELSE m.value >= s.threshold END)`;
  if (Number(badMet[0]!.n) > 0) fail(`${badMet[0]!.n} measurements with a wrong met flag`);
  for (const a of DEMO_ACCOUNTS) {
    const u = await db.user.findUnique({ where: { email: a.email } });
    if (!u?.passwordHash || !(await verifyPassword(u.passwordHash, a.password))) fail(`${a.email}: cannot sign in with the demo password`);
  }
  return problems;
}

async function main(): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  const problems = await verifyDemoData(db).finally(() => db.$disconnect());
  console.log(problems.length === 0 ? "demo data: all invariants hold" : problems.join("\n"));
  process.exitCode = problems.length === 0 ? 0 : 1;
}

if (process.argv[1]?.endsWith("verify.ts")) {
  main().catch((error: unknown) => {
    console.error("verify failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
