// The admin CLI, for bootstrapping a deployment (first admin, CI tokens) without the UI:
//   npm run -s tessera -- admin grant <email> [--create] [--name "Ada Lovelace"]
//   npm run -s tessera -- user create <email> [--name "Ada Lovelace"] [--admin]   (password from a prompt or stdin)
//   npm run -s tessera -- user set-password <email>
//   npm run -s tessera -- token create --team <slug> --scopes read,contracts:write [--name ci] [--expires-days 90]
//   npm run -s tessera -- token list --team <slug>
//   npm run -s tessera -- token revoke --team <slug> --id <tokenId>
// It uses the same services as the app, with a system actor ("cli"), so every change is audited.
// DATABASE_URL selects the database; without it, the embedded demo database (.data/pg).
// `token create` prints only the token on stdout (everything else goes to stderr), so it can be captured.
import os from "node:os";
import { parseArgs } from "node:util";
import { openDatabase, runMain } from "../lib/database";
import { applyPendingMigrations } from "../lib/migrations";
import { UserFacingError } from "../lib/embedded-pg";

const USAGE = `usage:
  tessera admin grant <email> [--create] [--name <name>]
  tessera user create <email> [--name <name>] [--admin]
  tessera user set-password <email>
  tessera token create --team <slug> --scopes <scope,...> [--name <name>] [--expires-days <n>]
  tessera token list --team <slug>
  tessera token revoke --team <slug> --id <tokenId>
scopes: read, contracts:write, measurements:write, subscriptions:write, lineage:write`;

const err = (line: string) => process.stderr.write(`${line}\n`);

/** The password: asked twice on a terminal (not echoed), else the first line of stdin. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    const line = text.split(/\r?\n/)[0] ?? "";
    if (!line) throw new UserFacingError("no password on stdin (pipe it in, e.g. `printf '%s\\n' \"$PASSWORD\" | tessera user create ...`)");
    return line;
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(prompt);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let value = "";
      const onData = (buf: Buffer) => {
        for (const ch of buf.toString("utf8")) {
          if (ch === "\r" || ch === "\n") {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off("data", onData);
            process.stderr.write("\n");
            return resolve(value);
          }
          if (ch === "\u0003") process.exit(130);
          value = ch === "\u007f" ? value.slice(0, -1) : value + ch;
        }
      };
      stdin.on("data", onData);
    });
  const first = await ask("Password (at least 12 characters): ");
  if ((await ask("Again: ")) !== first) throw new UserFacingError("the two passwords differ");
  return first;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      team: { type: "string" },
      scopes: { type: "string" },
      name: { type: "string" },
      "expires-days": { type: "string" },
      id: { type: "string" },
      create: { type: "boolean", default: false },
      admin: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [group, verb, arg] = positionals;
  if (values.help || !group) {
    err(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const db = await openDatabase({ say: err });
  try {
    if (db.embedded) await applyPendingMigrations(db.url);
    process.env.DATABASE_URL = db.url; // read lazily by lib/server/env.ts
    await run(group, verb, arg, values);
  } finally {
    const { getDb } = await import("../../lib/server/db/client");
    await getDb().$disconnect().catch(() => {});
    await db.stop();
  }
}

async function run(group: string, verb: string | undefined, arg: string | undefined, v: Record<string, string | boolean | undefined>): Promise<void> {
  const { makeCtx } = await import("../../lib/server/auth/context");
  const { AppError } = await import("../../lib/server/errors");
  const ctx = makeCtx({ kind: "system", label: `cli (${os.userInfo().username}@${os.hostname()})` });
  try {
    if (group === "admin" && verb === "grant") {
      if (!arg) throw new UserFacingError("admin grant needs an email");
      const { grantAdmin } = await import("../../lib/server/services/users/grant-admin");
      const r = await grantAdmin({ ctx, input: { email: arg, createIfMissing: v.create === true, name: v.name } });
      err(r.changed ? `${r.email} is now a platform admin${r.created ? " (new user: signs in with SSO)" : ""}.` : `${r.email} already is a platform admin.`);
      return;
    }
    if (group === "user" && (verb === "create" || verb === "set-password")) {
      if (!arg) throw new UserFacingError(`user ${verb} needs an email`);
      const password = await readPassword();
      const { setPassword } = await import("../../lib/server/services/users/set-password");
      const r = await setPassword({ ctx, input: { email: arg, password, createIfMissing: verb === "create", name: v.name, admin: v.admin === true } });
      if (verb === "create" && !r.created) err(`${r.email} already existed: its password was changed${r.sessionsEnded ? ` and ${r.sessionsEnded} session(s) ended` : ""}.`);
      else err(`${r.email} ${r.created ? "created" : "has a new password"}${r.admin ? " (platform admin)" : ""}${r.sessionsEnded ? `; ${r.sessionsEnded} session(s) ended` : ""}.`);
      return;
    }
    if (group === "token" && verb === "create") {
      const { createToken } = await import("../../lib/server/services/tokens/create-token");
      const scopes = String(v.scopes ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const r = await createToken({
        ctx,
        input: { team: v.team, name: v.name ?? `cli-${new Date().toISOString().slice(0, 10)}`, scopes, expiresInDays: v["expires-days"] ?? null },
      });
      err(`created token "${r.name}" for team ${r.team} with scopes ${r.scopes.join(", ")}${r.expiresAt ? `, expiring ${r.expiresAt.toISOString().slice(0, 10)}` : ", no expiry"} (id ${r.id}).`);
      err("It is printed once, below; only its hash is stored.");
      process.stdout.write(`${r.token}\n`);
      return;
    }
    if (group === "token" && verb === "list") {
      const { listTokens } = await import("../../lib/server/services/tokens/list-tokens");
      const rows = await listTokens({ ctx, team: v.team });
      for (const t of rows) {
        const state = t.revokedAt ? "revoked" : t.expired ? "expired" : "active";
        process.stdout.write(`${t.id}\t${t.name}\ttsr_${t.prefix}_…\t${t.scopes.join(",")}\t${state}\tlast used ${t.lastUsedAt?.toISOString() ?? "never"}\n`);
      }
      return;
    }
    if (group === "token" && verb === "revoke") {
      const { revokeToken } = await import("../../lib/server/services/tokens/revoke-token");
      const r = await revokeToken({ ctx, input: { team: v.team, tokenId: v.id } });
      err(`revoked token "${r.name}".`);
      return;
    }
    throw new UserFacingError(`unknown command "${[group, verb].filter(Boolean).join(" ")}"\n${USAGE}`);
  } catch (e) {
    if (e instanceof AppError) {
      const details = Array.isArray(e.details) ? (e.details as { path?: unknown[]; message?: string }[]).map((d) => `\n  ${(d.path ?? []).join(".") || "input"}: ${d.message}`).join("") : "";
      throw new UserFacingError(`${e.message}${details}`);
    }
    throw e;
  }
}

runMain(main);
