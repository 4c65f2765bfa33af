import { describe, it, expect } from "vitest";
import { ZContractDocument, type ContractDocument } from "./document";
import { publishImpact } from "./publish-impact";

const base = ZContractDocument.parse({
  name: "Daily orders",
  version: "1.1.0",
  owner: "orders",
  schema: { fields: [{ name: "order_date", type: "date", required: true }, { name: "note", type: "string" }] },
  sla: { freshness: { maxAgeMinutes: 60 } },
  semantics: { summary: "Daily counts" },
});
const doc = (version: string, fn: (d: ContractDocument) => void = () => {}) => {
  const d = structuredClone(base);
  d.version = version;
  fn(d);
  return d;
};
const versions = [
  { version: "1.0.0", status: "PUBLISHED" as const, document: doc("1.0.0") },
  { version: "1.1.0", status: "PUBLISHED" as const, document: doc("1.1.0") },
];
const dropNote = (d: ContractDocument) => void d.schema.fields.pop();
const subs = [
  { consumerTeam: "marketing", pinRange: "^1.1", status: "ACTIVE" },
  { consumerTeam: "finance", pinRange: "1.0.0", status: "ACTIVE" },
  { consumerTeam: "ops", pinRange: "^1.0", status: "PENDING" },
];

describe("publishImpact", () => {
  it("a breaking change numbered as a minor breaks the caret pins it flows into, and spares exact pins", () => {
    const r = publishImpact({ document: doc("1.2.0", dropNote), versions, subscriptions: subs, notices: [] });
    expect(r.subscribers).toEqual([
      { consumerTeam: "finance", pinRange: "1.0.0", from: "1.0.0", to: "1.0.0", effect: "UNCHANGED", breakingChanges: [] },
      { consumerTeam: "marketing", pinRange: "^1.1", from: "1.1.0", to: "1.2.0", effect: "BREAKS", breakingChanges: ["Field `note` removed."] },
    ]);
    expect(r.breaks).toBe(1);
  });

  it("a compatible minor upgrades; a new major leaves pins on the old major", () => {
    const minor = publishImpact({ document: doc("1.2.0", (d) => d.schema.fields.push({ name: "channel", type: "string", required: false })), versions, subscriptions: subs, notices: [] });
    expect(minor.subscribers.find((s) => s.consumerTeam === "marketing")).toMatchObject({ effect: "UPGRADES", to: "1.2.0" });
    expect(minor.breaks).toBe(0);
    const major = publishImpact({ document: doc("2.0.0", dropNote), versions, subscriptions: subs, notices: [] });
    expect(major.subscribers.map((s) => s.effect)).toEqual(["NEW_MAJOR", "NEW_MAJOR"]);
    expect(major.breaks).toBe(0);
  });

  it("a new version inside a broken subscription's pin revives it; one outside leaves it out", () => {
    const retired = [
      { version: "1.0.0", status: "RETIRED" as const, document: doc("1.0.0") },
      { version: "1.1.0", status: "RETIRED" as const, document: doc("1.1.0") },
    ];
    const broken = [
      { consumerTeam: "marketing", pinRange: "^1.1", status: "BROKEN" },
      { consumerTeam: "finance", pinRange: "1.0.0", status: "BROKEN" },
    ];
    const r = publishImpact({ document: doc("1.1.1"), versions: retired, subscriptions: broken, notices: [] });
    expect(r.subscribers).toEqual([{ consumerTeam: "marketing", pinRange: "^1.1", from: null, to: "1.1.1", effect: "REVIVES", breakingChanges: [] }]);
    expect(r.breaks).toBe(0);
  });

  it("lists active deprecations with the subscribers they cover and whether the new version falls inside", () => {
    const sunsetAt = new Date("2027-03-01T00:00:00Z");
    const r = publishImpact({
      document: doc("1.1.1"),
      versions,
      subscriptions: subs,
      notices: [
        { targetRange: "1.x", sunsetAt, status: "ACTIVE", reason: "Replaced by v2" },
        { targetRange: null, sunsetAt, status: "WITHDRAWN", reason: "old" },
      ],
    });
    expect(r.deprecations).toEqual([{ targetRange: "1.x", sunsetAt: "2027-03-01T00:00:00.000Z", reason: "Replaced by v2", coversNewVersion: true, subscribers: ["finance", "marketing"] }]);
  });
});
