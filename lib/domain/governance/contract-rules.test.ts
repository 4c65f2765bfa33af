import { describe, it, expect } from "vitest";
import { ZContractDocument, type Sla } from "../contracts/document";
import { checkDeprecationFirst, checkMinimumPromises, checkPiiMasked, DEFAULT_CONTRACT_RULES, ZContractRuleSettings, CONTRACT_RULES } from "./contract-rules";
import type { ReliabilityClass, Tier } from "../product-key";

const promise = { target: 99, windowDays: 28 };
const fresh = { maxAgeMinutes: 60, ...promise };
const pct = { minPercent: 99, ...promise };

describe("class.minimum-promises", () => {
  type Row = [ReliabilityClass, Sla, string | null, string[]];
  const rows: Row[] = [
    ["OPERATIONAL", { freshness: fresh, completeness: pct, accuracy: pct }, "@oncall", []],
    ["OPERATIONAL", { freshness: fresh, completeness: pct }, "@oncall", ["sla.accuracy"]],
    ["OPERATIONAL", {}, "@oncall", ["sla.freshness", "sla.completeness", "sla.accuracy"]],
    ["OPERATIONAL", { freshness: fresh, completeness: pct, accuracy: pct }, null, ["team.onCallHandle"]],
    ["OPERATIONAL", { freshness: fresh, completeness: pct, accuracy: pct }, "  ", ["team.onCallHandle"]],
    ["DECISION_SUPPORT", { freshness: fresh, completeness: pct }, null, []],
    ["DECISION_SUPPORT", { freshness: fresh, accuracy: pct }, null, ["sla.completeness"]],
    ["DECISION_SUPPORT", { completeness: pct }, null, ["sla.freshness"]],
    ["EXPLORATORY", {}, null, []],
  ];
  it.each(rows)("%s with %j (on-call %j) -> %j", (cls, sla, onCall, paths) => {
    const v = checkMinimumPromises({ reliabilityClass: cls, sla, team: "orders", onCallHandle: onCall });
    expect(v.map((x) => x.path)).toEqual(paths);
    expect(v.every((x) => x.rule === "class.minimum-promises")).toBe(true);
  });

  it("says which promises the class needs and which one is missing", () => {
    const [v] = checkMinimumPromises({ reliabilityClass: "OPERATIONAL", sla: { freshness: fresh, completeness: pct }, team: "orders", onCallHandle: "@x" });
    expect(v!.message).toBe("OPERATIONAL products must promise freshness, completeness and accuracy: the contract has no accuracy promise (sla.accuracy).");
    const [c] = checkMinimumPromises({ reliabilityClass: "OPERATIONAL", sla: { freshness: fresh, completeness: pct, accuracy: pct }, team: "orders", onCallHandle: null });
    expect(c!.message).toMatch(/team "orders" has no on-call handle/);
  });

  it("follows the settings", () => {
    const settings = { ...DEFAULT_CONTRACT_RULES, minimumPromises: { ...DEFAULT_CONTRACT_RULES.minimumPromises, EXPLORATORY: { sla: ["availability" as const], onCall: false } } };
    expect(checkMinimumPromises({ reliabilityClass: "EXPLORATORY", sla: {}, team: "t", onCallHandle: null }, settings).map((v) => v.path)).toEqual(["sla.availability"]);
  });
});

describe("pii.gold-masked", () => {
  const doc = ZContractDocument.parse({
    name: "c",
    version: "1.0.0",
    owner: "o",
    schema: {
      fields: [
        { name: "email", type: "string", tags: ["PII"] },
        { name: "phone", type: "string", tags: ["pii"], mask: "tokenize" },
        { name: "note", type: "string", tags: ["free_text"] },
        { name: "buyer", type: "struct", fields: [{ name: "name", type: "string", tags: ["Pii"] }] },
      ],
    },
    sla: {},
    semantics: { summary: "s" },
  });
  it.each<[Tier, string[]]>([
    ["GOLD", ["email", "buyer.name"]],
    ["SILVER", []],
    ["BRONZE", []],
  ])("%s -> %j", (tier, paths) => {
    const v = checkPiiMasked({ tier, document: doc });
    expect(v.map((x) => x.path)).toEqual(paths);
  });
  it("names the field and the masks", () => {
    expect(checkPiiMasked({ tier: "GOLD", document: doc })[0]!.message).toBe("Field `email` is tagged PII in a GOLD product and has no mask: add `mask: sha256`, `tokenize` or `redact`.");
  });
  it("applies to the tiers the settings list", () => {
    expect(checkPiiMasked({ tier: "SILVER", document: doc }, { ...DEFAULT_CONTRACT_RULES, maskedPiiTiers: ["SILVER", "GOLD"] })).toHaveLength(2);
  });
});

describe("major.deprecation-first", () => {
  const versions = [
    { version: "1.0.0", status: "PUBLISHED" as const },
    { version: "1.1.0", status: "PUBLISHED" as const },
    { version: "2.0.0", status: "PUBLISHED" as const },
    { version: "2.1.0", status: "PUBLISHED" as const },
  ];
  const sub = (pinRange: string, status = "ACTIVE") => ({ consumerTeam: "marketing", pinRange, status });
  const notice = (targetRange: string | null, status: "ACTIVE" | "WITHDRAWN" = "ACTIVE") => ({ targetRange, sunsetAt: new Date("2030-01-01"), status });
  type Row = [string, string, string | null, ReturnType<typeof sub>[], ReturnType<typeof notice>[], boolean];
  const rows: Row[] = [
    ["new major, subscriber on previous major, no notice", "3.0.0", "MAJOR", [sub("^2.1")], [], true],
    ["new major, notice on 2.x", "3.0.0", "MAJOR", [sub("^2.1")], [notice("2.x")], false],
    ["new major, whole-product notice", "3.0.0", "MAJOR", [sub("^2.1")], [notice(null)], false],
    ["new major, withdrawn notice does not count", "3.0.0", "MAJOR", [sub("^2.1")], [notice("2.x", "WITHDRAWN")], true],
    ["new major, notice too narrow (~2.0.0 while on 2.1.0)", "3.0.0", "MAJOR", [sub("^2.1")], [notice("~2.0.0")], true],
    ["new major, subscriber only on an older major", "3.0.0", "MAJOR", [sub("^1.1")], [], false],
    ["new major, pending subscriber does not count", "3.0.0", "MAJOR", [sub("^2.1", "PENDING")], [], false],
    ["new major, no subscribers", "3.0.0", "MAJOR", [], [], false],
    ["minor release is not concerned", "2.2.0", "MINOR", [sub("^2.1")], [], false],
    ["first version is not concerned", "1.0.0", "INITIAL", [sub("^2.1")], [], false],
    ["an invalid pin is ignored", "3.0.0", "MAJOR", [sub("latest")], [], false],
  ];
  it.each(rows)("%s", (_name, version, declared, subs, notices, refused) => {
    const v = checkDeprecationFirst({ version, previous: declared === "INITIAL" ? null : "2.1.0", declared, versions, subscriptions: subs, notices });
    expect(v.length > 0).toBe(refused);
  });
  it("lists the subscriptions that block it", () => {
    const [v] = checkDeprecationFirst({ version: "3.0.0", previous: "2.1.0", declared: "MAJOR", versions, subscriptions: [sub("^2.1"), { consumerTeam: "customer", pinRange: "2.x", status: "ACTIVE" }], notices: [] });
    expect(v).toEqual({
      rule: "major.deprecation-first",
      path: "version",
      message: "3.0.0 is a new major, but 2 active subscriptions resolve to 2.x and no deprecation notice covers them: marketing (^2.1 -> 2.1.0), customer (2.x -> 2.1.0). Publish a deprecation notice for 2.x first.",
    });
  });
});

describe("settings", () => {
  it("the defaults parse, and every rule has a title", () => {
    expect(ZContractRuleSettings.parse(DEFAULT_CONTRACT_RULES)).toEqual(DEFAULT_CONTRACT_RULES);
    expect(CONTRACT_RULES.every((r) => r.title && r.description)).toBe(true);
  });
  it("refuses an unknown SLA part", () => {
    expect(ZContractRuleSettings.safeParse({ ...DEFAULT_CONTRACT_RULES, minimumPromises: { ...DEFAULT_CONTRACT_RULES.minimumPromises, OPERATIONAL: { sla: ["speed"], onCall: true } } }).success).toBe(false);
  });
});
