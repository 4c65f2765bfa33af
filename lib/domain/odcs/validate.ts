// Validates a document against the ODCS v3.1.0 JSON Schema (draft 2019-09) with ajv, and turns
// ajv's errors into a short list of precise ones: a path, and a message a person can act on.
import Ajv2019 from "ajv/dist/2019";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import schema from "./schema/odcs-json-schema-v3.1.0.json";

export type OdcsSchemaError = { path: (string | number)[]; key?: string; message: string };
export type OdcsValidation = { ok: true } | { ok: false; errors: OdcsSchemaError[] };

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  // strict: false: the schema uses annotation keywords (examples, deprecated) ajv's strict mode flags.
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  compiled = ajv.compile(schema);
  return compiled;
}

const pointer = (p: string): (string | number)[] =>
  p === "" ? [] : p.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const COMBINATORS = new Set(["oneOf", "anyOf", "allOf", "if", "not"]);

function describe(e: ErrorObject): OdcsSchemaError {
  const path = pointer(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "unevaluatedProperties":
      return { path: [...path, String(p.unevaluatedProperty)], key: String(p.unevaluatedProperty), message: `Unknown key "${String(p.unevaluatedProperty)}"` };
    case "additionalProperties":
      return { path: [...path, String(p.additionalProperty)], key: String(p.additionalProperty), message: `Unknown key "${String(p.additionalProperty)}"` };
    case "required":
      return { path, message: `"${String(p.missingProperty)}" is required` };
    case "enum":
      return { path, message: `Must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}` };
    case "const":
      return { path, message: `Must be ${JSON.stringify(p.allowedValue)}` };
    default:
      return { path, message: (e.message ?? "is invalid").replace(/^must/, "Must") };
  }
}

/** Validates `data` as ODCS v3 (v3.0.x documents included). Errors are deduplicated and ordered. */
export function validateOdcs(data: unknown): OdcsValidation {
  const validate = validator();
  if (validate(data)) return { ok: true };
  const raw = validate.errors ?? [];
  const specific = raw.filter((e) => !COMBINATORS.has(e.keyword));
  // A type error where other errors exist at the same or a deeper path is a oneOf's other branch.
  const deeper = (e: ErrorObject) =>
    specific.some((o) => o.keyword !== "type" && (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)));
  const kept = (specific.length ? specific : raw).filter((e) => !(e.keyword === "type" && deeper(e)));
  const seen = new Set<string>();
  const errors: OdcsSchemaError[] = [];
  for (const e of kept) {
    const d = describe(e);
    const id = JSON.stringify([d.path, d.message]);
    if (seen.has(id)) continue;
    seen.add(id);
    errors.push(d);
  }
  return { ok: false, errors };
}
