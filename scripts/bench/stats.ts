// Latency statistics and a small closed-loop HTTP load generator (loopback only, bounded in
// requests and time): N workers, each sending its next request when the previous one answered.
import http from "node:http";

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** Requests per second over the whole run (only meaningful for load runs). */
  rps: number;
  errors: number;
}

export function summarize(ms: number[], wallMs: number, errors = 0): Summary {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN, rps: wallMs > 0 ? (s.length / wallMs) * 1000 : 0, errors };
}

export const fmtMs = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");

/** Times `fn` over `rounds` passes of `items` (after two warm-up passes); returns per-item and overall samples. */
export async function timeSequential<T>(items: T[], rounds: number, fn: (item: T) => Promise<unknown>): Promise<{ all: number[]; per: number[][] }> {
  for (let w = 0; w < 2; w++) for (const it of items) await fn(it);
  const per: number[][] = items.map(() => []);
  const all: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < items.length; i++) {
      const t = performance.now();
      await fn(items[i]!);
      const d = performance.now() - t;
      per[i]!.push(d);
      all.push(d);
    }
  }
  return { all, per };
}

export interface LoadOptions {
  port: number;
  paths: string[];
  headers: Record<string, string>;
  concurrency: number;
  /** Stop after this many requests or this many milliseconds, whichever comes first. */
  maxRequests: number;
  maxMs: number;
  /** Status codes that count as success (default 200). */
  ok?: (status: number) => boolean;
}

export interface LoadResult extends Summary {
  per: Map<string, number[]>;
  statuses: Map<number, number>;
}

/** Closed-loop load on 127.0.0.1 with keep-alive connections, one per worker. */
export async function load(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const ok = o.ok ?? ((s: number) => s === 200);
  const latencies: number[] = [];
  const per = new Map<string, number[]>();
  const statuses = new Map<number, number>();
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + o.maxMs;
  const one = (path: string) =>
    new Promise<number>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port: o.port, path, method: "GET", headers: o.headers, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      });
      req.setTimeout(30_000, () => req.destroy());
      req.on("error", () => resolve(0));
      req.end();
    });
  const worker = async () => {
    while (performance.now() < deadline) {
      const i = next++;
      if (i >= o.maxRequests) return;
      const path = o.paths[i % o.paths.length]!;
      const t = performance.now();
      const status = await one(path);
      const d = performance.now() - t;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (!ok(status)) errors++;
      latencies.push(d);
      if (!per.has(path)) per.set(path, []);
      per.get(path)!.push(d);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  agent.destroy();
  return { ...summarize(latencies, performance.now() - started, errors), per, statuses };
}
