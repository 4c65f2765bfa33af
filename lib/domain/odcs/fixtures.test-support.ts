// Reads the shared ODCS fixtures (tests only: the app never reads them).
import fs from "node:fs";
import { fixturePath } from "../../../scripts/lib/shared-fixtures";

const odcs = (...parts: string[]) => fixturePath("odcs", ...parts);
export const EXAMPLES = ["column-completeness.odcs.yaml", "database-table-sla.odcs.yaml", "full-example.odcs.yaml"] as const;

export function example(name: (typeof EXAMPLES)[number]): string {
  return fs.readFileSync(odcs("examples", name), "utf8");
}

export function fixtureSchemaText(): string {
  return fs.readFileSync(odcs("schema", "odcs-json-schema-v3.1.0.json"), "utf8");
}
