type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
};

/** A short type label: "string", "array of string", "OWNER | MEMBER", "string or null". */
export function typeLabel(s: JsonSchema): string {
  if (s.$ref) return s.$ref.split("/").pop() ?? "object";
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(" | ");
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeLabel).join(" or ");
  const t = Array.isArray(s.type) ? s.type.join(" or ") : s.type;
  if (t === "array" && s.items) return `array of ${typeLabel(s.items)}`;
  return t ?? "any";
}

function constraints(s: JsonSchema): string[] {
  const c: string[] = [];
  if (s.format) c.push(s.format);
  if (s.minLength !== undefined || s.maxLength !== undefined) c.push(`length ${s.minLength ?? 0}..${s.maxLength ?? "∞"}`);
  if (s.minimum !== undefined || s.maximum !== undefined) c.push(`${s.minimum ?? "−∞"}..${s.maximum ?? "∞"}`);
  if (s.minItems !== undefined || s.maxItems !== undefined) c.push(`${s.minItems ?? 0}..${s.maxItems ?? "∞"} items`);
  if (s.pattern) c.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) c.push(`default ${JSON.stringify(s.default)}`);
  return c;
}

/** A JSON Schema object as a nested list of fields (name, type, required, constraints). */
export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const objectLike = schema.properties ? schema : schema.items?.properties ? schema.items : null;
  if (!objectLike?.properties || depth > 4) {
    return <p className="font-mono text-xs">{typeLabel(schema)}</p>;
  }
  const req = new Set(objectLike.required ?? []);
  return (
    <ul className={depth ? "ml-4 mt-1 space-y-1 border-l border-zinc-200 pl-3 dark:border-zinc-700" : "space-y-1"}>
      {schema !== objectLike ? <li className="font-mono text-xs text-zinc-600 dark:text-zinc-400">array of objects:</li> : null}
      {Object.entries(objectLike.properties).map(([name, s]) => (
        <li key={name} className="text-sm">
          <code className="font-mono font-semibold">{name}</code> <span className="font-mono text-xs text-zinc-700 dark:text-zinc-300">{typeLabel(s)}</span>
          {req.has(name) ? <span className="ml-1 text-xs font-medium text-red-800 dark:text-red-300">required</span> : null}
          {constraints(s).length ? <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">({constraints(s).join("; ")})</span> : null}
          {s.description ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{s.description}</span> : null}
          {s.properties || s.items?.properties ? <SchemaView schema={s} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  );
}
export type { JsonSchema };
