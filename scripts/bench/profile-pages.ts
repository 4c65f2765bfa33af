// npm run bench:profile [-- --requests 300 --skip-build]
// Where the app's CPU goes when it renders the marketplace and a product page: runs `next start`
// under `node --cpu-prof`, sends the requests (2 connections), stops the app (which writes the
// profile) and prints self time by area (React render, Next, Prisma, pg, auth, GC, our code) and
// the top functions. Profiles land in .data/profiles.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { runMain } from "../lib/database";
import { openBenchServer } from "./bench-db";
import { BENCH_USER } from "./generate-catalog";
import { arg, flag } from "./cli";
import { load } from "./stats";
import { buildApp, signIn, startApp } from "./app-server";
import { fromRoot } from "../lib/paths";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const AREAS: [string, RegExp][] = [
  ["GC", /^\(garbage collector\)$/],
  ["idle / program", /^\((idle|program)\)$/],
  ["React server render", /react-dom|react-server|app-page|react\.|server\.edge|server\.node/],
  ["Prisma client (query compiler, mapping)", /@prisma|prisma|query_compiler|wasm:\/\//],
  ["pg driver", /node_modules\/pg(-[a-z]+)?\//],
  ["auth (next-auth, jose)", /next-auth|jose|@panva/],
  ["Next.js server (routing, HTML, streams)", /next\/dist/],
  ["app code (.next server chunks)", /\.next[^/]*\/server/],
  ["Node.js internals (net, streams, zlib)", /^node:|^internal\/|^$/],
];

function areaOf(n: Node): string {
  const key = n.callFrame.url || n.callFrame.functionName;
  for (const [name, re] of AREAS) if (re.test(n.callFrame.functionName) || re.test(key)) return name;
  return "other";
}

/** Self time of the samples taken in the measured window: [end - windowMs - tailMs, end - tailMs]. */
function report(file: string, requests: number, windowMs: number, tailMs: number, say: (l: string) => void) {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const to = p.endTime - tailMs * 1000;
  const from = to - windowMs * 1000;
  const self = new Map<number, number>();
  let t = p.startTime;
  let taken = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    taken++;
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + 1);
  }
  const perSample = windowMs / Math.max(1, taken); // ms
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  let busy = 0;
  for (const [id, hits] of self) {
    const n = byId.get(id)!;
    const a = areaOf(n);
    areas.set(a, (areas.get(a) ?? 0) + hits);
    if (a === "idle / program") continue;
    busy += hits;
    const name = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^.*\.next[^/]*\//, ".next/")}:${n.callFrame.lineNumber + 1}`;
    fns.set(name, (fns.get(name) ?? 0) + hits);
  }
  say(`  ${path.basename(file)}: ${taken} samples of ${perSample.toFixed(2)} ms in the measured ${(windowMs / 1000).toFixed(1)} s; on CPU ${((busy * perSample) / requests).toFixed(1)} ms per request (wall-clock samples: inflated when other processes take the CPUs)`);
  for (const [a, h] of [...areas].sort((x, y) => y[1] - x[1])) {
    if (a === "idle / program") continue;
    say(`    ${a.padEnd(42)} ${((h * perSample) / requests).toFixed(2).padStart(6)} ms/request  ${((100 * h) / Math.max(1, busy)).toFixed(0).padStart(3)}%`);
  }
  say("    top functions (self time):");
  for (const [f, h] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 25)) say(`      ${((100 * h) / Math.max(1, busy)).toFixed(1).padStart(5)}%  ${f.slice(0, 150)}`);
}

runMain(async () => {
  const requests = Number(arg("requests", "300"));
  const say = (l: string) => console.log(l);
  const db = await openBenchServer(say);
  try {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const product = (await c.query<{ key: string }>(
      `SELECT key FROM "DataProduct" WHERE tier = 'GOLD' AND "lifecycleStatus" = 'ACTIVE' ORDER BY "activeSubscriberCount" DESC, key LIMIT 1`,
    )).rows[0]!.key;
    await c.end();
    await buildApp(db.url, flag("skip-build"), say);
    const dir = fromRoot(".data/profiles");
    fs.mkdirSync(dir, { recursive: true });
    for (const page of [{ label: "marketplace", path: "/marketplace" }, { label: "product", path: `/products/${product}` }]) {
      const name = `${page.label}-${Date.now()}.cpuprofile`;
      const app = await startApp(db.url, say, {}, ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`, "--cpu-prof-interval=500"]);
      let windowMs = 0;
      let tailMs = 0;
      let done = requests;
      try {
        const cookie = await signIn(app.port, BENCH_USER.email, BENCH_USER.password);
        const headers = { cookie, accept: "text/html" };
        await load({ port: app.port, paths: [page.path], headers, concurrency: 2, maxRequests: 30, maxMs: 60_000 }); // warm-up
        const t0 = performance.now();
        const r = await load({ port: app.port, paths: [page.path], headers, concurrency: 2, maxRequests: requests, maxMs: 300_000 });
        windowMs = performance.now() - t0;
        done = r.n;
        say(`${page.label}: ${r.n} requests${r.errors ? `, ${r.errors} errors` : ""} in ${(windowMs / 1000).toFixed(1)} s`);
      } finally {
        const t1 = performance.now();
        await app.stop();
        tailMs = performance.now() - t1;
      }
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) {
        say(`  no profile written (${file}): the app did not exit normally`);
        continue;
      }
      // Only the samples of the measured requests (not start, sign-in, warm-up or shutdown).
      report(file, done, windowMs, tailMs, say);
    }
  } finally {
    await db.stop();
  }
});
