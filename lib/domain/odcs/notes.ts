// What an ODCS import could not carry over, said precisely: every part of the source document is
// either mapped, or named here with its path and the reason (nothing is dropped silently).
export type MappingNoteKind = "not-mapped" | "converted" | "defaulted";
export type MappingNote = { path: string; kind: MappingNoteKind; message: string };

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Why a part of ODCS has no place in a Tessera contract (shown to the user, listed in docs/contracts.md). */
export const NOT_MAPPED_REASONS: Record<string, string> = {
  id: "stable ids are not kept: Tessera identifies a contract by its product key and version",
  status: "the status of a version (published, deprecated, retired) is managed by Tessera",
  tenant: "tenants are not modelled",
  domain: "the domain is the one of the product the contract is published to",
  dataProduct: "the product is the one the contract is published to",
  servers: "where the data is served is recorded as the product's output ports",
  price: "pricing is not modelled",
  roles: "access is granted through subscriptions, not contract roles",
  authoritativeDefinitions: "links to external definitions are not kept",
  tags: "tags belong to the product, not to a contract version",
  slaDefaultElement: "SLA promises apply to the whole product",
  contractCreatedTs: "Tessera records when each version is published",
  limitations: "limitations have no place in a Tessera contract; write them as semantics rules",
  members: "team members are managed in Tessera's teams",
  description: "descriptions at this level are not kept",
  customProperties: "unknown custom properties are not kept",
  invitationUrl: "invitation links are not kept",
  physicalName: "physical names are not kept (contracts describe logical fields)",
  physicalType: "physical types are not kept; the logical type is",
  businessName: "business names are not kept; write the meaning in semantics",
  logicalTypeOptions: "type options (formats, bounds, lengths) are not kept",
  primaryKey: "keys are not modelled",
  primaryKeyPosition: "keys are not modelled",
  unique: "uniqueness is not modelled; write it as a semantics rule",
  partitioned: "partitioning is a physical concern and is not kept",
  partitionKeyPosition: "partitioning is a physical concern and is not kept",
  encryptedName: "encrypted column names are not kept; use `mask` for protected fields",
  transformSourceObjects: "lineage is recorded as product dependencies, not in the contract",
  transformLogic: "transformation logic is not kept",
  transformDescription: "transformation descriptions are not kept",
  examples: "example values are not kept",
  criticalDataElement: "critical-data-element flags are not kept",
  relationships: "relationships between fields are not kept",
  dataGranularityDescription: "granularity descriptions are not kept; write it in the semantics summary",
  name: "the object's name is not kept: export names the object after the product's topic",
  element: "promises apply to the whole product, not to one element",
  driver: "the importance of a promise follows from the product's reliability class",
  scheduler: "check schedules are not kept",
  schedule: "check schedules are not kept",
  valueExt: "extended values are not kept",
  required: "this part has no place in a Tessera contract",
  quality: "quality checks on array items are not kept",
};

/** Values equal to the ODCS JSON Schema defaults carry no information: not reported. */
const DEFAULTS: Record<string, unknown> = {
  primaryKey: false,
  primaryKeyPosition: -1,
  unique: false,
  partitioned: false,
  partitionKeyPosition: -1,
  criticalDataElement: false,
};

export function carriesInformation(key: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value) && value.length === 0) return false;
  return !(key in DEFAULTS && DEFAULTS[key] === value);
}

export function preview(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export class NoteBook {
  readonly notes: MappingNote[] = [];
  add(path: string, kind: MappingNoteKind, message: string) {
    this.notes.push({ path, kind, message });
  }
  /** Reports every key of `obj` not in `handled`, with its reason. */
  rest(obj: Obj, path: string, handled: readonly string[]) {
    for (const [key, value] of Object.entries(obj)) {
      if (handled.includes(key) || !carriesInformation(key, value)) continue;
      const reason = NOT_MAPPED_REASONS[key] ?? "this part has no place in a Tessera contract";
      this.add(join(path, key), "not-mapped", `\`${key}\` (${preview(value)}) is not kept: ${reason}.`);
    }
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
