import "server-only";
import dns from "node:dns/promises";
import net from "node:net";

// SSRF guard: webhooks are URLs typed by team owners, fetched by the server. Outside test mode a
// destination resolving to loopback, private, link-local (cloud metadata), CGNAT or multicast
// addresses is refused, at creation (literal hosts) and again at each delivery (resolved
// addresses, redirects not followed). DNS can still change between the check and the connection.
const blocked = new net.BlockList();
for (const [a, p] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16], ["224.0.0.0", 3]] as const) blocked.addSubnet(a, p, "ipv4");
for (const [a, p] of [["::", 127], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) blocked.addSubnet(a, p, "ipv6");

export function isPrivateAddress(ip: string): boolean {
  const v = net.isIP(ip);
  if (v === 4) return blocked.check(ip, "ipv4");
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    return mapped ? blocked.check(mapped[1]!, "ipv4") : blocked.check(ip, "ipv6");
  }
  return true;
}

/** A reason to refuse the URL's host, or null. `allowPrivate` is for test runs only. */
export async function unsafeDestination(url: string, allowPrivate: boolean, resolve = true): Promise<string | null> {
  const u = new URL(url);
  if (u.protocol !== "https:" && u.protocol !== "http:") return "only http(s) URLs are delivered";
  if (allowPrivate) return null;
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback destinations are refused";
  if (net.isIP(host)) return isPrivateAddress(host) ? "private, loopback and link-local addresses are refused" : null;
  if (!resolve) return null;
  try {
    const addrs = await dns.lookup(host, { all: true });
    if (addrs.length === 0 || addrs.some((a) => isPrivateAddress(a.address))) return "the host resolves to a private address";
  } catch {
    return "the host does not resolve";
  }
  return null;
}
