// npm run bench:search [-- --rounds 10 --seconds 20 --skip-build]
// On the catalog of `npm run bench:data`: the fixed query set (queries.ts) timed as
//   (a) the raw SQL alone (the statement the service sends, on a plain pg connection),
//   (b) the search service (Prisma, parsing, mapping),
//   (c) the HTTP endpoint GET /api/v1/products at 1 and at 10 concurrent connections,
// and typeahead (GET /api/v1/search/suggest) the same way. Prints p50/p95 and the ratios.
import os from "node:os";
import pg from "pg";
import { runMain } from "../lib/database";
import { openBenchServer } from "./bench-db";
import { BENCH_USER } from "./generate-catalog";
import { SEARCHES, SUGGESTS } from "./queries";
import { arg, flag } from "./cli";
import { fmtMs, load, summarize, timeSequential, type Summary } from "./stats";
import { buildApp, signIn, startApp } from "./app-server";
import { measureCpu, postmasterPid } from "./cpu";
import { BENCH_DATA_DIR } from "./bench-db";
import { fromRoot } from "../lib/paths";

runMain(async () => {
  const rounds = Number(arg("rounds", "10"));
  const seconds = Number(arg("seconds", "20"));
  const say = (l: string) => console.log(l);
  const db = await openBenchServer(say);
  let stopApp = async () => {};
  try {
    process.env.DATABASE_URL = db.url;
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "DataProduct"`).catch(() => ({ rows: [{ n: "0" }] }));
    const products = Number(rows[0]!.n);
    if (!products) throw new Error("The benchmark database is empty: run `npm run bench:data -- --products 100000` first.");
    say(`catalog: ${products.toLocaleString("en-US")} products; ${os.cpus().length} CPUs; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);

    // The modules read DATABASE_URL lazily: import them after it is set.
    const { buildSearch, searchProducts } = await import("../../lib/server/services/search/search-products");
    const { buildSuggest, suggest } = await import("../../lib/server/services/search/suggest");
    const { catalogSize } = await import("../../lib/server/services/search/catalog-size");
    const { parseSearchState } = await import("../../lib/domain/search/search-state");
    const { makeCtx } = await import("../../lib/server/auth/context");
    const ctx = makeCtx({ kind: "system", label: "bench" });
    const size = await catalogSize();

    // (a) raw SQL: exactly the statements the service builds.
    const statements = SEARCHES.map((s) => {
      const b = buildSearch(parseSearchState(new URLSearchParams(s.params)), size);
      if ("empty" in b) throw new Error(`query "${s.label}" builds no SQL`);
      return b.sql;
    });
    const raw = await timeSequential(statements, rounds, (q) => c.query({ text: q.text, values: q.values }));
    const suggestStatements = SUGGESTS.map((q) => buildSuggest(q, size)!);
    const rawSuggest = await timeSequential(suggestStatements, rounds, (q) => c.query({ text: q.text, values: q.values }));
    await c.end();

    // (b) the service.
    const service = await timeSequential(SEARCHES, rounds, (s) => searchProducts({ ctx, input: new URLSearchParams(s.params) }));
    const serviceSuggest = await timeSequential(SUGGESTS, rounds, (q) => suggest({ ctx, q }));

    // (c) the endpoint.
    await buildApp(db.url, flag("skip-build"), say);
    const app = await startApp(db.url, say);
    stopApp = app.stop;
    const cookie = await signIn(app.port, BENCH_USER.email, BENCH_USER.password);
    const headers = { cookie, accept: "application/json" };
    const searchPaths = SEARCHES.map((s) => `/api/v1/products${s.params ? `?${s.params}` : ""}`);
    const suggestPaths = SUGGESTS.map((q) => `/api/v1/search/suggest?q=${encodeURIComponent(q)}`);
    await load({ port: app.port, paths: [...searchPaths, ...suggestPaths], headers, concurrency: 2, maxRequests: 3 * (searchPaths.length + suggestPaths.length), maxMs: 60_000 });
    const http1 = await load({ port: app.port, paths: searchPaths, headers, concurrency: 1, maxRequests: rounds * searchPaths.length, maxMs: seconds * 1000 });
    const pgPid = process.env.BENCH_DATABASE_URL ? undefined : postmasterPid(fromRoot(BENCH_DATA_DIR));
    const cpu10 = await measureCpu(app.pid, pgPid, () => load({ port: app.port, paths: searchPaths, headers, concurrency: 10, maxRequests: 100_000, maxMs: seconds * 1000 }));
    const http10 = cpu10.result;
    const sugg1 = await load({ port: app.port, paths: suggestPaths, headers, concurrency: 1, maxRequests: rounds * suggestPaths.length, maxMs: seconds * 1000 });
    const cpuS = await measureCpu(app.pid, pgPid, () => load({ port: app.port, paths: suggestPaths, headers, concurrency: 10, maxRequests: 100_000, maxMs: seconds * 1000 }));
    const sugg10 = cpuS.result;

    const sum = (ms: number[]) => summarize(ms, 0);
    say("");
    say(`Search, per query: p50 / p95 ms (${rounds} rounds each; HTTP at 1 connection)`);
    say(`${"query".padEnd(22)} ${"(a) SQL".padStart(15)} ${"(b) service".padStart(15)} ${"(c) HTTP x1".padStart(15)}`);
    SEARCHES.forEach((s, i) => {
      const a = sum(raw.per[i]!);
      const b = sum(service.per[i]!);
      const h = sum(http1.per.get(searchPaths[i]!) ?? []);
      say(`${s.label.padEnd(22)} ${`${fmtMs(a.p50)} / ${fmtMs(a.p95)}`.padStart(15)} ${`${fmtMs(b.p50)} / ${fmtMs(b.p95)}`.padStart(15)} ${`${fmtMs(h.p50)} / ${fmtMs(h.p95)}`.padStart(15)}`);
    });
    const line = (label: string, x: Summary, rps = false) =>
      say(`${label.padEnd(34)} p50 ${fmtMs(x.p50).padStart(7)}  p95 ${fmtMs(x.p95).padStart(7)}  n=${x.n}${rps ? `  ${x.rps.toFixed(0)} req/s` : ""}${x.errors ? `  ERRORS ${x.errors}` : ""}`);
    const a = sum(raw.all);
    const b = sum(service.all);
    say("");
    say("All search queries together");
    line("(a) raw SQL", a);
    line("(b) search service", b);
    line("(c) GET /api/v1/products, 1 conn", http1, true);
    line("(c) GET /api/v1/products, 10 conn", http10, true);
    const perReq = (c: { appMs: number; pgMs: number }, n: number) =>
      `CPU per request: app ${(c.appMs / n).toFixed(1)} ms + PostgreSQL ${(c.pgMs / n).toFixed(1)} ms = ${((c.appMs + c.pgMs) / n).toFixed(1)} ms` +
      ` -> at most ~${Math.floor((os.cpus().length * 1000 * n) / Math.max(1, c.appMs + c.pgMs))} req/s on ${os.cpus().length} idle CPUs`;
    say(`(c) 10 conn: ${perReq(cpu10, http10.n)}`);
    say(`ratios: service/SQL p95 ${(b.p95 / a.p95).toFixed(2)}; HTTP(1)/SQL p95 ${(http1.p95 / a.p95).toFixed(2)}; HTTP(10)/SQL p95 ${(http10.p95 / a.p95).toFixed(2)}`);
    say("");
    say("Typeahead");
    line("(a) raw SQL", sum(rawSuggest.all));
    line("(b) suggest service", sum(serviceSuggest.all));
    line("(c) GET /api/v1/search/suggest, 1 conn", sugg1, true);
    line("(c) GET /api/v1/search/suggest, 10 conn", sugg10, true);
    say(`(c) 10 conn: ${perReq(cpuS, sugg10.n)}`);
    say("");
    const ok = (x: boolean) => (x ? "met" : "NOT met");
    if (products >= 500_000) say(`target at 1M: endpoint p95 <= 500 ms: ${ok(http1.p95 <= 500)} at 1 conn, ${ok(http10.p95 <= 500)} at 10 conn`);
    else say(`targets at 100k: endpoint p95 <= 50 ms at 1 conn: ${ok(http1.p95 <= 50)}; <= 150 ms at 10 conn: ${ok(http10.p95 <= 150)}; typeahead p95 <= 30 ms: ${ok(sugg1.p95 <= 30 && sugg10.p95 <= 30)} (1 conn ${ok(sugg1.p95 <= 30)}, 10 conn ${ok(sugg10.p95 <= 30)}); service within 2x of SQL: ${ok(b.p95 <= 2 * a.p95)}`);
    say(`load average after the run: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  } finally {
    await stopApp();
    await db.stop();
  }
});
