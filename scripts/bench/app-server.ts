// The app for the HTTP benchmarks: `next build` into its own folder (.next-bench) and `next start`
// on a free loopback port against the benchmark database; signed in as the benchmark user.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { freePort } from "../lib/embedded-pg";
import { fromRoot } from "../lib/paths";
import { childStopper } from "../lib/child-stop";

export const BENCH_DIST_DIR = ".next-bench";

export interface AppServer {
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

function appEnv(dbUrl: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const secret = crypto.randomBytes(32).toString("base64url");
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    DATABASE_URL: dbUrl,
    PORT: String(port),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: secret,
    AUTH_SECRET: secret,
    // One benchmark user sends every request: the per-user API limit must not be what is measured.
    TESSERA_API_RATE_LIMIT: "1000000",
    TESSERA_SIGNIN_RATE_LIMIT: "10000",
    ...extra,
  };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, quiet: boolean): ChildProcess {
  return spawn(cmd, args, { cwd: fromRoot(), env, stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit" });
}

const nextBin = () => createRequire(fromRoot("package.json")).resolve("next/dist/bin/next");

/** Builds unless --skip-build and a build exists. */
export async function buildApp(dbUrl: string, skip: boolean, say: (l: string) => void): Promise<void> {
  if (skip && fs.existsSync(path.join(fromRoot(BENCH_DIST_DIR), "BUILD_ID"))) {
    say(`reusing the build in ${BENCH_DIST_DIR}`);
    return;
  }
  say(`building the app into ${BENCH_DIST_DIR} (next build)...`);
  const t = performance.now();
  const child = run(process.execPath, [nextBin(), "build"], appEnv(dbUrl, 0), true);
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  say(`  built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

/** Extra Node.js flags for the app under test, e.g. BENCH_NODE_ARGS="--max-semi-space-size=32". */
export const benchNodeArgs = (): string[] => (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);

export async function startApp(dbUrl: string, say: (l: string) => void, extra: Record<string, string> = {}, nodeArgs: string[] = []): Promise<AppServer> {
  const port = await freePort();
  nodeArgs = [...benchNodeArgs(), ...nodeArgs];
  if (nodeArgs.length) say(`app started with node ${nodeArgs.join(" ")}`);
  const child = run(process.execPath, [...nodeArgs, nextBin(), "start", "-H", "127.0.0.1", "-p", String(port)], appEnv(dbUrl, port, extra), true);
  let exited = false;
  child.once("exit", () => (exited = true));
  const stop = childStopper(child);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error("the app exited during start");
    try {
      const r = await fetch(`http://127.0.0.1:${port}/signin`, { redirect: "manual" });
      if (r.status < 500) {
        say(`app listening on 127.0.0.1:${port}`);
        return { port, pid: child.pid, stop };
      }
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error("the app did not start within 120 s");
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(port: number, email: string, password: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/marketplace` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed (status ${res.status})`);
  return cookie();
}
