// Reads the shared ODCS fixtures (tests only: the app never reads ../shared).
import fs from "node:fs";
import path from "node:path";

export const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/odcs");
export const EXAMPLES = ["column-completeness.odcs.yaml", "database-table-sla.odcs.yaml", "full-example.odcs.yaml"] as const;

export function example(name: (typeof EXAMPLES)[number]): string {
  return fs.readFileSync(path.join(FIXTURES, "examples", name), "utf8");
}

export function fixtureSchemaText(): string {
  return fs.readFileSync(path.join(FIXTURES, "schema", "odcs-json-schema-v3.1.0.json"), "utf8");
}
