import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { flattenFields, isPiiTagged } from "./flatten";
import { fieldPaths, ZContractDocument } from "./document";
import { documentArb } from "./arbitraries.test-support";

const doc = ZContractDocument.parse({
  name: "Orders",
  version: "1.0.0",
  owner: "orders",
  schema: {
    fields: [
      { name: "email", type: "string", required: true, description: "Buyer email", tags: ["pii", "contact"], mask: "sha256" },
      { name: "address", type: "struct", fields: [{ name: "city", type: "string" }, { name: "geo", type: "struct", fields: [{ name: "lat", type: "double" }] }] },
      { name: "status", type: "string", enum: ["PLACED", "PAID"] },
    ],
  },
  sla: {},
  semantics: { summary: "s" },
});

describe("flattenFields", () => {
  it("flattens nested fields with dotted paths, in document order", () => {
    expect(flattenFields(doc)).toEqual([
      { path: "email", name: "email", type: "string", required: true, description: "Buyer email", tags: ["pii", "contact"], pii: true, mask: "sha256", enumValues: [], position: 0 },
      { path: "address", name: "address", type: "struct", required: false, description: "", tags: [], pii: false, mask: null, enumValues: [], position: 1 },
      { path: "address.city", name: "city", type: "string", required: false, description: "", tags: [], pii: false, mask: null, enumValues: [], position: 2 },
      { path: "address.geo", name: "geo", type: "struct", required: false, description: "", tags: [], pii: false, mask: null, enumValues: [], position: 3 },
      { path: "address.geo.lat", name: "lat", type: "double", required: false, description: "", tags: [], pii: false, mask: null, enumValues: [], position: 4 },
      { path: "status", name: "status", type: "string", required: false, description: "", tags: [], pii: false, mask: null, enumValues: ["PLACED", "PAID"], position: 5 },
    ]);
  });

  it.each([
    [["PII"], true],
    [["Pii", "x"], true],
    [["piiish"], false],
    [[], false],
    [undefined, false],
  ])("isPiiTagged(%j) = %s", (tags, expected) => {
    expect(isPiiTagged(tags)).toBe(expected);
  });

  it("gives unique paths and consecutive positions for any document", () => {
    fc.assert(
      fc.property(documentArb, (d) => {
        const flat = flattenFields(d);
        expect(flat.map((f) => f.path)).toEqual(fieldPaths(d.schema.fields));
        expect(new Set(flat.map((f) => f.path)).size).toBe(flat.length);
        expect(flat.map((f) => f.position)).toEqual(flat.map((_, i) => i));
      }),
    );
  });
});
