import "server-only";
import { ConflictError, PolicyViolation, ValidationError, type AppError } from "../../errors";
import { refusalStatus, type PublishReport } from "@/lib/domain/contracts/publish-check";

/** The typed error for a refused publish, carrying the whole report (the API and form show it). */
export function refusal(report: PublishReport): AppError & { report: PublishReport } {
  const status = refusalStatus(report);
  const n = report.violations.length;
  const err =
    status === 400
      ? new ValidationError(`The contract document is not valid: ${n} error${n === 1 ? "" : "s"}.`, report.violations)
      : status === 409
        ? new ConflictError(report.violations.find((v) => v.rule === "version.unique")!.message, report.violations)
        : new PolicyViolation(report.violations);
  return Object.assign(err, { report });
}

export function reportOf(e: unknown): PublishReport | undefined {
  return (e as { report?: PublishReport } | null)?.report;
}
