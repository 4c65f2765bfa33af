// Where the public standards' files (ODCS, ODPS, OpenLineage) are, for tests only: the app never
// reads them. They are not copied into the repository; they sit in a `shared/fixtures` folder beside
// the checkout. A clone made elsewhere (`git clone . /tmp/x`) finds them beside the repository it
// was cloned from; TESSERA_FIXTURES_DIR names the folder explicitly.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

let found: string | undefined;

function originDir(): string | null {
  try {
    const url = execFileSync("git", ["config", "--get", "remote.origin.url"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (url.startsWith("file://")) return url.slice("file://".length);
    return path.isAbsolute(url) ? url : null; // a local path; never a network remote
  } catch {
    return null;
  }
}

export function sharedFixturesDir(): string {
  if (found) return found;
  const origin = originDir();
  const candidates = [process.env.TESSERA_FIXTURES_DIR, path.resolve(process.cwd(), "../shared/fixtures"), origin ? path.resolve(origin, "../shared/fixtures") : undefined];
  found = candidates.find((c): c is string => !!c && fs.existsSync(path.join(c, "SOURCES.md")));
  if (!found) {
    throw new Error(
      `The standards' fixtures (ODCS, ODPS, OpenLineage) were not found in ${candidates.filter(Boolean).join(", ")}: put the shared/ folder beside the checkout, or set TESSERA_FIXTURES_DIR.`,
    );
  }
  return found;
}

/** A file under the fixtures folder, e.g. fixturePath("odps", "odps-json-schema-v1.0.0.json"). */
export const fixturePath = (...parts: string[]): string => path.join(sharedFixturesDir(), ...parts);
