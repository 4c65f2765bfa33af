// The `tessera` command: offline contract tools, HTTP commands for CI, and the admin commands
// (which need the database and run in their own process, loaded only when asked for).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CliError, EXIT, processIo, type Io } from "./io";

export const HELP = `usage: tessera <command> [options]      (tessera <command> --help for details)

Contracts (offline: no server, no database)
  contract lint FILE                check a contract (native YAML/JSON or ODCS v3), with line numbers
  contract diff OLD NEW             classify the changes, the required bump, and the semver verdict

Talking to a Tessera server (token in TESSERA_TOKEN)
  contract publish FILE --product KEY --url URL [--dry-run]
                                    publish a version, or check it against the server's rules
  measurements post FILE.jsonl --url URL
                                    post SLO measurements in batches, resumable

Administration (on the server: needs DATABASE_URL or the embedded database)
  admin grant EMAIL [--create] [--name NAME]
  user create EMAIL [--name NAME] [--admin]      a password account (password asked, or read from stdin)
  user set-password EMAIL                         a new password; signs the user out everywhere
  token create --team SLUG --scopes read,contracts:write [--name NAME] [--expires-days N]
  token list --team SLUG
  token revoke --team SLUG --id TOKEN_ID

exit codes: 0 ok, 1 refused (invalid contract, semver violation, rule, rejected lines),
            2 usage, input, authentication or network error`;

const ADMIN_HELP = `${HELP.slice(HELP.indexOf("Administration"), HELP.indexOf("\n\nexit codes"))}

scopes: read, contracts:write, measurements:write, subscriptions:write, lineage:write
The token is printed once on stdout (everything else on stderr), so it can be captured.
DATABASE_URL selects the database; without it, the embedded one in .data/pg.`;

type Command = { help: () => Promise<string>; run: (argv: string[], io: Io) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  "contract lint": { help: async () => (await import("./commands/contract-lint")).LINT_HELP, run: async (a, io) => (await import("./commands/contract-lint")).contractLint(a, io) },
  "contract diff": { help: async () => (await import("./commands/contract-diff")).DIFF_HELP, run: async (a, io) => (await import("./commands/contract-diff")).contractDiff(a, io) },
  "contract publish": { help: async () => (await import("./commands/contract-publish")).PUBLISH_HELP, run: async (a, io) => (await import("./commands/contract-publish")).contractPublish(a, io) },
  "measurements post": { help: async () => (await import("./commands/measurements-post")).MEASUREMENTS_HELP, run: async (a, io) => (await import("./commands/measurements-post")).measurementsPost(a, io) },
};
const ADMIN_GROUPS = new Set(["admin", "token", "user"]);

/** The admin commands import server code, which needs Node's react-server condition: a child process. */
function runAdmin(argv: string[]): Promise<number> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", tsx, path.join(here, "tessera.ts"), ...argv], { stdio: "inherit" });
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  process.on("SIGINT", forward("SIGINT")).on("SIGTERM", forward("SIGTERM"));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + 2 : EXIT.USAGE))));
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [group, verb] = argv;
  if (group === undefined || group === "--help" || group === "-h" || (group === "help" && verb === undefined)) {
    io.out(`${HELP}\n`);
    return group === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (group === "help") {
    const cmd = COMMANDS[argv.slice(1, 3).join(" ")];
    if (cmd) return (io.out(`${await cmd.help()}\n`), EXIT.OK);
    if (ADMIN_GROUPS.has(verb!)) return (io.out(`${ADMIN_HELP}\n`), EXIT.OK);
    io.err(`tessera: no command "${argv.slice(1).join(" ")}"\n\n${HELP}\n`);
    return EXIT.USAGE;
  }
  if (ADMIN_GROUPS.has(group)) {
    // Help needs no database: answer it here instead of starting the admin process.
    if (verb === undefined || argv.includes("--help") || argv.includes("-h")) return (io.out(`${ADMIN_HELP}\n`), verb === undefined ? EXIT.USAGE : EXIT.OK);
    return runAdmin(argv);
  }
  const name = `${group} ${verb ?? ""}`.trim();
  const cmd = COMMANDS[name];
  if (!cmd) {
    const known = Object.keys(COMMANDS).filter((k) => k.startsWith(`${group} `));
    io.err(`tessera: unknown command "${name}"${known.length ? `: try ${known.map((k) => `\`tessera ${k}\``).join(", ")}` : ""}\n\n${HELP}\n`);
    return EXIT.USAGE;
  }
  try {
    return await cmd.run(argv.slice(2), io);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.err(`tessera ${name}: ${e.message}\n`);
    if (e.showHelp) io.err(`\n${await cmd.help()}\n`);
    return e.code;
  }
}
