// Native contract document -> ODCS v3.1.0. Everything of the native document is written (the
// mapping table is in docs/contracts.md), so importing the export gives the same document back.
import { Document } from "yaml";
import type { ContractDocument, SchemaField } from "../contracts/document";
import { parseFieldType, type FieldType } from "../contracts/field-type";
import { scalarSpec } from "./logical-types";
import type { Obj } from "./notes";
import { exportSla } from "./sla";

export type OdcsStatus = "active" | "deprecated" | "retired" | "draft" | "proposed";
export type OdcsExportOptions = { status?: OdcsStatus };

export const ODCS_API_VERSION = "v3.1.0";

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "contract";

/** The `id` an exported ODCS contract of a product carries (ODPS documents refer to it). */
export const odcsContractId = (productKey: string) => slug(productKey.replace(/\./g, "-"));

/** The item spec of an array element type (nested arrays and structs included). */
function item(type: FieldType, fields: readonly SchemaField[] | undefined, prefix: string, meanings: Record<string, string>): Obj {
  if (type.kind === "struct") return { logicalType: "object", properties: (fields ?? []).map((f) => property(f, prefix, meanings)) };
  if (type.kind === "array") return { logicalType: "array", items: item(type.element, fields, prefix, meanings) };
  return { ...scalarSpec(type) };
}

function property(f: SchemaField, prefix: string, meanings: Record<string, string>): Obj {
  const path = prefix + f.name;
  const parsed = parseFieldType(f.type);
  if (!parsed.ok) throw new Error(`Cannot export field ${path}: ${parsed.message}`);
  const t = parsed.type;
  const p: Obj = { name: f.name };
  if (t.kind === "struct") Object.assign(p, { logicalType: "object" });
  else if (t.kind === "array") Object.assign(p, { logicalType: "array" });
  else Object.assign(p, scalarSpec(t));
  p.required = f.required;
  if (f.description !== undefined) p.description = f.description;
  const classification = f.tags?.find((tag) => tag.startsWith("classification:"));
  if (classification) p.classification = classification.slice("classification:".length);
  if (f.tags !== undefined) p.tags = [...f.tags];
  if (t.kind === "struct") p.properties = (f.fields ?? []).map((c) => property(c, `${path}.`, meanings));
  if (t.kind === "array") p.items = item(t.element, f.fields, `${path}.`, meanings);
  if (f.enum) p.quality = [{ type: "library", metric: "invalidValues", arguments: { validValues: [...f.enum] }, mustBe: 0 }];
  const custom: Obj[] = [];
  if (f.mask) custom.push({ property: "anonymizationStrategy", value: f.mask });
  if (meanings[path] !== undefined) custom.push({ property: "businessMeaning", value: meanings[path] });
  if (custom.length) p.customProperties = custom;
  return p;
}

/** The ODCS object for a native document (plain data, JSON-serialisable). */
export function exportOdcs(doc: ContractDocument, opts: OdcsExportOptions = {}): Obj {
  const meanings = doc.semantics.fields;
  const objectName = doc.product ? doc.product.split(".")[1]! : slug(doc.name).replace(/-/g, "_");
  const { properties: slaProperties, targets } = exportSla(doc.sla as Record<string, Record<string, number> | undefined>);
  const hasObject = doc.schema.fields.length > 0 || doc.semantics.rules.length > 0;
  const custom: Obj[] = [];
  if (doc.product) custom.push({ property: "dataProductKey", value: doc.product });
  if (slaProperties.length) custom.push({ property: "sloTargets", value: targets });
  return {
    apiVersion: ODCS_API_VERSION,
    kind: "DataContract",
    id: doc.product ? odcsContractId(doc.product) : slug(doc.name),
    name: doc.name,
    version: doc.version,
    status: opts.status ?? "active",
    description: { ...(doc.description !== undefined ? { purpose: doc.description } : {}), usage: doc.semantics.summary },
    team: { name: doc.owner },
    ...(doc.support ? { support: doc.support.map((s) => ({ ...s })) } : {}),
    schema: hasObject
      ? [
          {
            name: objectName,
            logicalType: "object",
            properties: doc.schema.fields.map((f) => property(f, "", meanings)),
            ...(doc.semantics.rules.length ? { quality: doc.semantics.rules.map((rule) => ({ type: "text", description: rule })) } : {}),
          },
        ]
      : [],
    ...(slaProperties.length ? { slaProperties } : {}),
    ...(custom.length ? { customProperties: custom } : {}),
  };
}

export function exportOdcsYaml(doc: ContractDocument, opts: OdcsExportOptions = {}): string {
  return new Document(exportOdcs(doc, opts)).toString({ lineWidth: 0 });
}
