import { apiRoute } from "@/lib/server/http/api-route";
import { diffContractsOp } from "@/lib/server/http/operations/contracts";
import { ValidationError } from "@/lib/server/errors";
import { parseContractInput } from "@/lib/domain/contracts/source";
import { diffContracts } from "@/lib/domain/contracts/diff";
import { humanChangelog } from "@/lib/domain/contracts/changelog";
import { checkVersionBump } from "@/lib/domain/versions/bump";

// Stateless: nothing is read or written, so any authenticated caller (any token scope) may use it.
export const POST = apiRoute(diffContractsOp, async ({ body }) => {
  const opts = { format: body.format, owner: "(not given)" };
  const [a, b] = [parseContractInput(body.old, opts), parseContractInput(body.new, opts)];
  const errors = [...(a.ok ? [] : a.errors.map((e) => ({ document: "old", ...e }))), ...(b.ok ? [] : b.errors.map((e) => ({ document: "new", ...e })))];
  if (!a.ok || !b.ok) throw new ValidationError(`The documents are not valid: ${errors.length} error${errors.length === 1 ? "" : "s"}.`, errors);
  const diff = diffContracts(a.document, b.document);
  const check = checkVersionBump(a.document.version, b.document.version, diff);
  return {
    old: { version: a.document.version },
    new: { version: b.document.version },
    changes: diff.changes,
    required: diff.required,
    changelog: humanChangelog(diff.changes),
    versionCheck: check.ok
      ? { ok: true, declared: check.declared, message: null, offending: [] }
      : { ok: false, declared: null, message: check.message, offending: check.offending },
  };
});
