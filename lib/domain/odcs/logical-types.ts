// Field types between ODCS (logicalType + logicalTypeOptions.format + physicalType) and the native
// grammar. Export is exact so that import(export(t)) = t for every native type:
//   string|boolean|date|timestamp -> same logicalType     integer -> integer
//   bigint -> integer, format i64                        float -> number, format f32
//   double -> number, format f64                         decimal(p,s) -> number, physicalType decimal(p,s)
//   struct -> object + properties                         array<T> -> array + items (recursively)
import { parseFieldType, type FieldType } from "../contracts/field-type";
import type { Obj } from "./notes";

export type ScalarSpec = { logicalType: string; logicalTypeOptions?: { format: string }; physicalType?: string };

export function scalarSpec(type: FieldType): ScalarSpec {
  switch (type.kind) {
    case "bigint":
      return { logicalType: "integer", logicalTypeOptions: { format: "i64" } };
    case "float":
      return { logicalType: "number", logicalTypeOptions: { format: "f32" } };
    case "double":
      return { logicalType: "number", logicalTypeOptions: { format: "f64" } };
    case "decimal":
      return { logicalType: "number", physicalType: `decimal(${type.precision},${type.scale})` };
    case "struct":
      return { logicalType: "object" };
    case "array":
      return { logicalType: "array" };
    default:
      return { logicalType: type.kind };
  }
}

/** Native scalar type named by a physical type, or null ("varchar(18)" -> string, "int8" -> bigint). */
export function fromPhysical(physical: unknown): string | null {
  if (typeof physical !== "string") return null;
  const t = physical.trim().toLowerCase();
  const dec = /^(?:decimal|numeric|number)\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(t);
  if (dec) {
    const parsed = parseFieldType(`decimal(${dec[1]},${dec[2]})`);
    return parsed.ok ? `decimal(${dec[1]},${dec[2]})` : null;
  }
  if (/^(int|integer|int4|int32|smallint|int2|tinyint|mediumint|serial)$/.test(t)) return "integer";
  if (/^(bigint|int8|int64|long|bigserial)$/.test(t)) return "bigint";
  if (/^(float|real|float4|float32)$/.test(t)) return "float";
  if (/^(double|double precision|float8|float64)$/.test(t)) return "double";
  if (/^(bool|boolean)$/.test(t)) return "boolean";
  if (t === "date") return "date";
  if (/^(timestamp|datetime|timestamptz|timestamp_ntz|timestamp_ltz|timestamp_tz)(\s*\(\d+\))?( with(out)? time zone)?$/.test(t)) return "timestamp";
  if (/^(string|text|varchar|char|character|character varying|nvarchar|nchar|uuid)(\s*\(\s*\d+\s*\))?$/.test(t)) return "string";
  return null;
}

const WIDE_INTEGER_FORMATS = new Set(["i64", "u32", "u64", "i128", "u128"]);

export type TypeDecision = {
  type: string;
  /** True when physicalType was used (or merely repeats the logical type): not reported as lost. */
  physicalUsed: boolean;
  /** True when logicalTypeOptions.format was used. */
  formatUsed: boolean;
  note?: string;
};

/** The native scalar type of an ODCS property or item (not object/array). */
export function scalarType(p: Obj): TypeDecision {
  const logical = typeof p.logicalType === "string" ? p.logicalType : undefined;
  const physical = fromPhysical(p.physicalType);
  const options = (p.logicalTypeOptions ?? {}) as Obj;
  const format = typeof options.format === "string" ? options.format : undefined;
  // A physical type that only repeats the logical one is used; "varchar(18)" carries a length: reported.
  const bare = typeof p.physicalType === "string" && !p.physicalType.includes("(");
  const plain = (type: string): TypeDecision => ({ type, physicalUsed: p.physicalType === undefined || (bare && physical === type), formatUsed: false });
  switch (logical) {
    case "string":
    case "boolean":
    case "date":
    case "timestamp":
      return plain(logical);
    case "time":
      return { type: "string", physicalUsed: false, formatUsed: false, note: "logicalType `time` has no native type: imported as string" };
    case "integer":
      if (format) return { type: WIDE_INTEGER_FORMATS.has(format) ? "bigint" : "integer", physicalUsed: physical === "integer" || physical === "bigint", formatUsed: true };
      return physical === "bigint" ? { type: "bigint", physicalUsed: true, formatUsed: false } : plain("integer");
    case "number":
      if (physical?.startsWith("decimal(")) return { type: physical, physicalUsed: true, formatUsed: false };
      if (format === "f32") return { type: "float", physicalUsed: physical === "float", formatUsed: true };
      if (format === "f64") return { type: "double", physicalUsed: physical === "double", formatUsed: true };
      if (physical === "float" || physical === "double" || physical === "integer" || physical === "bigint") {
        const note = physical === "integer" || physical === "bigint" ? `logicalType number with physicalType ${String(p.physicalType)}: imported as ${physical}` : undefined;
        return { type: physical, physicalUsed: true, formatUsed: false, note };
      }
      return plain("double");
    case undefined:
      if (physical) return { type: physical, physicalUsed: true, formatUsed: false, note: `no logicalType: type taken from physicalType ${String(p.physicalType)}` };
      return { type: "string", physicalUsed: false, formatUsed: false, note: "no logicalType: imported as string" };
    default:
      return { type: "string", physicalUsed: false, formatUsed: false, note: `logicalType \`${logical}\` imported as string` };
  }
}
