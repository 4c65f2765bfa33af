// Line numbers for messages that carry only a path (ODCS notes, governance rules): the path string
// is read back into segments and looked up in the parsed YAML.
import { parseYamlText, type Path } from "../../lib/domain/contracts/yaml";
import type { SchemaField } from "../../lib/domain/contracts/document";

/** "schema.fields[1].type" / 'semantics.fields["a.b"]' -> ["schema", "fields", 1, "type"] / [..., "a.b"]. */
export function pathSegments(path: string): Path {
  const out: (string | number)[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
  }
  return out;
}

/** The document path of a native field given by its dotted field path ("lines.sku"), or null. */
export function fieldDocumentPath(fields: readonly SchemaField[], fieldPath: string): Path | null {
  const out: (string | number)[] = ["schema"];
  let level: readonly SchemaField[] | undefined = fields;
  for (const name of fieldPath.split(".")) {
    const i: number = level?.findIndex((f) => f.name === name) ?? -1;
    if (i < 0) return null;
    out.push("fields", i);
    level = level![i]!.fields;
  }
  return out;
}

export type Locator = (path: Path | null) => { line: number | null; column: number | null };

export function locator(text: string): Locator {
  const parsed = parseYamlText(text);
  return (path) => (parsed.ok && path ? parsed.locate(path) : { line: null, column: null });
}
