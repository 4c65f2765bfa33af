import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import * as team from "@/app/api/v1/teams/[slug]/route";
import * as product from "@/app/api/v1/products/[key]/route";
import { createProduct, createTeam, createUser } from "./factories";
import { call } from "./api-helpers";

const run = promisify(execFile);

/** `npm run tessera -- ...` without npm: the same node invocation, against this file's database. */
async function tessera(...args: string[]) {
  return tesseraWithInput(undefined, ...args);
}

async function tesseraWithInput(stdin: string | undefined, ...args: string[]) {
  try {
    const pending = run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli/tessera.ts", ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      timeout: 60_000,
    });
    pending.child.stdin?.end(stdin ?? "");
    const r = await pending;
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? 1, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
  }
}

describe("the tessera CLI", () => {
  it("creates a token that works within its scopes and gets 403 outside them", async () => {
    const t = await createTeam({ owner: await createUser() });
    const p = await createProduct({ team: t });
    const r = await tessera("token", "create", "--team", t.slug, "--scopes", "read", "--name", "bootstrap-ci", "--expires-days", "30");
    expect(r.code, r.stderr).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^tsr_[0-9a-f]{8}_[A-Za-z0-9_-]+$/);
    expect(r.stderr).toContain("bootstrap-ci");
    expect((await call(team.GET, { token, params: { slug: t.slug } })).status).toBe(200);
    const refused = await call(product.PATCH, { method: "PATCH", token, params: { key: p.key }, body: { description: "from CI" } });
    expect(refused.status).toBe(403);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { teamId: t.id, action: "token.create" } });
    expect(audit.actorLabel).toMatch(/^cli \(/);

    const list = await tessera("token", "list", "--team", t.slug);
    expect(list.stdout).toContain("bootstrap-ci");
    expect(list.stdout).not.toContain(token);
  });

  it("grants platform admin, and explains bad input without a stack trace", async () => {
    const u = await createUser({ email: "cli-admin@test.local" });
    const ok = await tessera("admin", "grant", "cli-admin@test.local");
    expect(ok.code, ok.stderr).toBe(0);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: u.id } })).isPlatformAdmin).toBe(true);

    const bad = await tessera("token", "create", "--team", "no-such-team", "--scopes", "read");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Team "no-such-team" not found/);
    const badScope = await tessera("token", "create", "--team", "x", "--scopes", "admin");
    expect(badScope.stderr).toMatch(/scopes/);
    expect(badScope.stderr).not.toMatch(/\s+at\s+\S+\s\(/);
    const usage = await tessera("frobnicate");
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("usage:");
  });

  it("creates a password account from stdin that can sign in, and refuses a short password", async () => {
    const { signInWithPassword } = await import("@/lib/server/services/auth/sign-in-with-password");
    const ok = await tesseraWithInput("a long enough secret\n", "user", "create", "First@Example.test", "--admin", "--name", "First Admin");
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain("first@example.test created (platform admin)");
    expect(await signInWithPassword({ email: "first@example.test", password: "a long enough secret" })).not.toBeNull();
    const short = await tesseraWithInput("short\n", "user", "set-password", "first@example.test");
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    expect(await signInWithPassword({ email: "first@example.test", password: "a long enough secret" })).not.toBeNull();
  });
});
