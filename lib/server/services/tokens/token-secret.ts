import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Token format: tsr_<prefix>_<secret>. Only the SHA-256 of the whole string is stored. */
export function newTokenSecret(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString("hex");
  const token = `tsr_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { token, prefix, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
