// Client-side ids (cuid-like), so rows can reference each other before a bulk insert.
import { randomBytes } from "node:crypto";

let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 1_679_616;
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`.slice(0, 25);
}
