// Paths of the repository, found from the working directory (scripts run from the repo root
// through npm; this also works from a subfolder). No import.meta: these files also run as CJS.
import fs from "node:fs";
import path from "node:path";

let root: string | undefined;

export function repoRoot(): string {
  if (root) return root;
  let dir = process.cwd();
  while (true) {
    if (fs.existsSync(path.join(dir, "prisma", "schema.prisma")) && fs.existsSync(path.join(dir, "package.json"))) return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) return (root = process.cwd());
    dir = parent;
  }
}

export const fromRoot = (...parts: string[]) => path.join(repoRoot(), ...parts);
