import { describe, it, expect } from "vitest";
import { humanChangelog } from "./changelog";
import type { Change } from "./change";

const c = (cls: Change["class"], message: string): Change => ({ path: "x", kind: "field.removed", class: cls, message });

describe("humanChangelog", () => {
  it("is empty for no changes", () => {
    expect(humanChangelog([])).toEqual([]);
  });

  it("groups by class, breaking changes first, keeping the diff's order inside a group", () => {
    const lines = humanChangelog([c("PATCH", "Name changed."), c("MINOR", "New optional field `a`."), c("MAJOR", "Field `b` removed."), c("MAJOR", "Field `c` removed.")]);
    expect(lines).toEqual([
      "### Breaking changes (MAJOR)",
      "- Field `b` removed.",
      "- Field `c` removed.",
      "",
      "### Additions and stronger promises (MINOR)",
      "- New optional field `a`.",
      "",
      "### Editorial changes (PATCH)",
      "- Name changed.",
    ]);
  });

  it("omits empty groups", () => {
    expect(humanChangelog([c("PATCH", "Owner changed.")])).toEqual(["### Editorial changes (PATCH)", "- Owner changed."]);
  });
});
