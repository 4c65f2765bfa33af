import "server-only";
import type { z } from "zod";
import { ForbiddenError, ValidationError, toAppError } from "../errors";
import type { Ctx } from "../auth/context";
import type { PublishReport } from "@/lib/domain/contracts/publish-check";
import { refusal } from "../services/contracts/refusal";

/** Parses a path or query object with an operation's schema (400 with every issue). */
export function parsePart<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(`The ${what} is not valid.`, r.error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })));
  return r.data;
}

/** Reading contracts: any signed-in user; a token needs `read` or `contracts:write`. */
export function assertCanReadContracts(ctx: Ctx): void {
  const a = ctx.actor;
  if (a.kind === "token" && !a.scopes.includes("READ") && !a.scopes.includes("CONTRACTS_WRITE")) {
    throw new ForbiddenError("This token needs the `read` or `contracts:write` scope to read contracts.");
  }
}

/** A refused publish (or a dry run that would be refused): the standard error body plus the report. */
export function refusalResponse(report: PublishReport, e: unknown = refusal(report)): Response {
  const err = toAppError(e);
  return Response.json(
    { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) }, report },
    { status: err.status },
  );
}
