import { describe, it, expect } from "vitest";
import { evaluatePublish, refusalStatus, type PublishState } from "./publish-check";
import { parseContractSource } from "./source";
import { toContractYaml } from "./yaml";
import { ZContractDocument, type ContractDocument } from "./document";
import { exportOdcsYaml } from "../odcs/export";

const v1 = ZContractDocument.parse({
  name: "Daily orders",
  version: "1.1.0",
  owner: "orders",
  product: "orders.daily_orders.gold",
  schema: {
    fields: [
      { name: "order_date", type: "date", required: true },
      { name: "order_count", type: "integer", required: true },
      { name: "returning", type: "integer" },
    ],
  },
  sla: { freshness: { maxAgeMinutes: 1560 }, completeness: { minPercent: 99 } },
  semantics: { summary: "Daily counts" },
});

function state(over: Partial<PublishState> = {}, product: Partial<PublishState["product"]> = {}): PublishState {
  return {
    product: { key: "orders.daily_orders.gold", tier: "GOLD", reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE", team: "orders", onCallHandle: "@orders", ...product },
    versions: [
      { version: "1.0.0", status: "PUBLISHED", document: { ...v1, version: "1.0.0", schema: { fields: v1.schema.fields.slice(0, 2) } } },
      { version: "1.1.0", status: "PUBLISHED", document: v1 },
    ],
    subscriptions: [{ consumerTeam: "marketing", pinRange: "^1.1", status: "ACTIVE" }],
    notices: [],
    ...over,
  };
}
const edit = (fn: (d: ContractDocument) => void) => {
  const d = structuredClone(v1);
  fn(d);
  return toContractYaml(d);
};
const check = (yaml: string, s = state()) => evaluatePublish(parseContractSource(yaml, { owner: "orders", product: "orders.daily_orders.gold" }), s);
const rules = (r: ReturnType<typeof check>) => r.violations.map((v) => v.rule);

describe("evaluatePublish", () => {
  it("accepts a new optional field as a minor and reports diff, bumps and changelog", () => {
    const r = check(edit((d) => {
      d.version = "1.2.0";
      d.schema.fields.push({ name: "channel", type: "string", required: false });
    }));
    expect(r).toMatchObject({ ok: true, version: "1.2.0", previous: "1.1.0", required: "MINOR", declared: "MINOR", format: "NATIVE", violations: [] });
    expect(r.changelog).toEqual(["### Additions and stronger promises (MINOR)", "- New optional field `channel` (string)."]);
  });

  it("refuses a field removal declared as a minor, listing the offending change and the right number", () => {
    const r = check(edit((d) => {
      d.version = "1.2.0";
      d.schema.fields.pop();
    }));
    expect(r.ok).toBe(false);
    expect(r.required).toBe("MAJOR");
    expect(r.violations).toEqual([
      { rule: "version.semver-bump", path: "version", message: "1.2.0 is a MINOR bump from 1.1.0, but the diff requires MAJOR: 1 change needs a MAJOR version. Publish it as 2.0.0." },
      { rule: "version.semver-bump", path: "returning", message: "MAJOR: Field `returning` removed." },
    ]);
    expect(refusalStatus(r)).toBe(422);
  });

  it("refuses the same removal as 2.0.0 while a subscriber is on 1.x without a notice, and accepts it with one", () => {
    const yaml = edit((d) => {
      d.version = "2.0.0";
      d.schema.fields.pop();
    });
    expect(rules(check(yaml))).toEqual(["major.deprecation-first"]);
    expect(check(yaml, state({ notices: [{ targetRange: "1.x", sunsetAt: new Date("2030-01-01"), status: "ACTIVE" }] })).ok).toBe(true);
  });

  it("refuses a version number that already exists with 409", () => {
    const r = check(edit((d) => (d.description = "changed")));
    expect(rules(r)).toEqual(["version.unique"]);
    expect(refusalStatus(r)).toBe(409);
  });

  it("reports document errors with their lines as a 400", () => {
    const r = check("name: x\nversion: 1.2\n");
    expect(r.ok).toBe(false);
    expect(r.violations.find((v) => v.path === "version")).toMatchObject({ rule: "contract.document", line: 2 });
    expect(refusalStatus(r)).toBe(400);
  });

  it.each<[string, (d: ContractDocument) => void, Partial<PublishState["product"]>, string[]]>([
    ["a document for another product", (d) => (d.product = "orders.other.gold"), {}, ["contract.product-key"]],
    ["a retired product", () => {}, { lifecycleStatus: "RETIRED" }, ["product.not-retired"]],
    ["an unmasked PII field in GOLD", (d) => d.schema.fields.push({ name: "email", type: "string", required: false, tags: ["PII"] }), {}, ["pii.gold-masked"]],
    ["the same in SILVER", (d) => d.schema.fields.push({ name: "email", type: "string", required: false, tags: ["PII"] }), { tier: "SILVER" }, []],
    ["missing accuracy on an OPERATIONAL product", () => {}, { reliabilityClass: "OPERATIONAL" }, ["class.minimum-promises"]],
  ])("checks %s", (_name, fn, product, expected) => {
    const r = check(edit((d) => {
      d.version = "1.2.0";
      fn(d);
    }), state({}, product));
    expect(rules(r)).toEqual(expected);
  });

  it("lets an EXPLORATORY product publish without promises, labelled best effort", () => {
    const r = check(toContractYaml({ ...v1, sla: {} }), state({ versions: [] }, { reliabilityClass: "EXPLORATORY" }));
    expect(r).toMatchObject({ ok: true, bestEffort: true });
    expect(rules(check(toContractYaml({ ...v1, sla: {} }), state({ versions: [] })))).toEqual(["class.minimum-promises", "class.minimum-promises"]);
  });

  it("labels EXPLORATORY products best effort", () => {
    expect(check(edit((d) => (d.version = "1.1.1")), state({}, { reliabilityClass: "EXPLORATORY" })).bestEffort).toBe(true);
    expect(check(edit((d) => (d.version = "1.1.1"))).bestEffort).toBe(false);
  });

  it("diffs a backport against the newest version below it", () => {
    const s = state({ versions: [...state().versions, { version: "2.0.0", status: "PUBLISHED", document: { ...v1, version: "2.0.0" } }] });
    const r = check(edit((d) => (d.version = "1.1.1")), s);
    expect(r).toMatchObject({ previous: "1.1.0", declared: "PATCH", required: "NONE", ok: true });
  });

  it("evaluates a first version without a diff", () => {
    const r = check(toContractYaml(v1), state({ versions: [] }));
    expect(r).toMatchObject({ ok: true, previous: null, declared: "INITIAL", changes: [], required: "NONE" });
  });

  it("accepts ODCS, with its mapping notes in the report", () => {
    const yaml = exportOdcsYaml({ ...v1, version: "1.1.1", description: "Daily" });
    const r = check(yaml);
    expect(r).toMatchObject({ ok: true, format: "ODCS", required: "PATCH" });
    expect(r.notes.map((n) => n.path)).toContain("id");
  });
});
