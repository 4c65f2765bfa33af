// ODCS quality checks in a Tessera contract. An `invalidValues` check with `validValues` that must
// find 0 rows is an enum; text checks and every other check become semantics rules (prose), with
// a note naming what of the check's machine-readable form is not kept.
import { isObj, preview, type Obj } from "./notes";

const OPERATORS: [string, string][] = [
  ["mustBe", "must be"],
  ["mustNotBe", "must not be"],
  ["mustBeGreaterThan", "must be greater than"],
  ["mustBeGreaterOrEqualTo", "must be at least"],
  ["mustBeLessThan", "must be less than"],
  ["mustBeLessOrEqualTo", "must be at most"],
  ["mustBeBetween", "must be between"],
  ["mustNotBeBetween", "must not be between"],
];

/** The values of an enum check, or null when `q` is not one. */
export function enumValues(q: Obj): string[] | null {
  const metric = q.metric ?? q.rule;
  const args = isObj(q.arguments) ? q.arguments : null;
  if (metric !== "invalidValues" || !args || !Array.isArray(args.validValues) || q.mustBe !== 0) return null;
  if ((q.type ?? "library") !== "library" || args.validValues.length === 0) return null;
  return args.validValues.map((v) => String(v));
}

/** Keys of an enum check that the enum does not carry. */
export function enumCheckLosses(q: Obj): string[] {
  const args = isObj(q.arguments) ? Object.keys(q.arguments).filter((k) => k !== "validValues").map((k) => `arguments.${k}`) : [];
  return [...Object.keys(q).filter((k) => !["type", "metric", "rule", "arguments", "mustBe"].includes(k)), ...args];
}

const show = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x)).join(" and ") : typeof v === "string" ? v : JSON.stringify(v));

/** A check as one sentence; `lost` names the keys the sentence does not carry. */
export function describeCheck(q: Obj): { text: string; lost: string[] } {
  const type = (q.type as string | undefined) ?? (q.metric || q.rule ? "library" : "text");
  const used = new Set(["type", "description", "name", "dimension", "unit"]);
  let body: string;
  if (type === "text") {
    body = typeof q.description === "string" ? q.description : "";
  } else {
    const op = OPERATORS.find(([k]) => q[k] !== undefined);
    if (op) used.add(op[0]);
    const condition = op ? ` ${op[1]} ${show(q[op[0]])}${typeof q.unit === "string" ? ` ${q.unit}` : ""}` : "";
    if (type === "sql") {
      used.add("query");
      body = `SQL check \`${String(q.query)}\`${condition}`;
    } else if (type === "custom") {
      used.add("engine").add("implementation");
      body = `${String(q.engine)} check: ${preview(q.implementation)}`;
    } else {
      used.add("metric").add("rule").add("arguments");
      const args = isObj(q.arguments) && Object.keys(q.arguments).length ? ` ${JSON.stringify(q.arguments)}` : "";
      body = `${String(q.metric ?? q.rule)}${args}${condition}`;
    }
    if (typeof q.description === "string" && q.description) body += ` — ${q.description}`;
  }
  const name = typeof q.name === "string" && q.name ? `${q.name}: ` : "";
  const dimension = typeof q.dimension === "string" ? ` [${q.dimension}]` : "";
  return { text: `${name}${body}${dimension}`.trim() || "(empty quality check)", lost: Object.keys(q).filter((k) => !used.has(k) && q[k] !== undefined) };
}
