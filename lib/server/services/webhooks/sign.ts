import { createHmac, timingSafeEqual } from "node:crypto";

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`): the timestamp is signed so a captured delivery cannot be replayed later. */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function verifySignature(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const got = Buffer.from(header);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
