import "server-only";

export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rule_violation"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** An expected failure, mapped once per transport (action result, HTTP error body). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super("validation_failed", 400, message, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in first.") {
    super("unauthenticated", 401, message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this.") {
    super("forbidden", 403, message);
  }
}
export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", 404, `${what} not found.`);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super("conflict", 409, message, details);
  }
}
export interface Violation {
  rule: string;
  message: string;
  path?: string;
}
/** Carries every violated governance rule, not just the first. */
export class PolicyViolation extends AppError {
  constructor(readonly violations: Violation[]) {
    super("rule_violation", 422, violations.map((v) => v.message).join(" "), violations);
  }
}
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfter: number,
    message = "Too many requests. Wait a moment and try again.",
  ) {
    super("rate_limited", 429, message, { retryAfterSeconds: retryAfter });
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super("payload_too_large", 413, `The body is larger than ${limit} bytes.`);
  }
}
export class UnavailableError extends AppError {
  constructor(message = "The database is not reachable right now. Try again in a moment.") {
    super("unavailable", 503, message);
  }
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "08006", "08001"]);

/** PostgreSQL's SQLSTATE (e.g. "23505") of an error Prisma's driver adapter passed on, if any. */
export function postgresCodeOf(e: unknown): string | undefined {
  return (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta?.driverAdapterError?.cause?.originalCode;
}

/** Turns anything thrown into an AppError; unexpected errors are logged, never shown. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string; cause?: { code?: string } })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
  if (code === "P2002") return new ConflictError("That already exists.");
  if (code === "P2025") return new NotFoundError("The record");
  if (code === "P2003") return new ValidationError("The input refers to something that does not exist.");
  // PostgreSQL "data exception" (class 22: NUL byte, out-of-range number or date...) and "program
  // limit exceeded" (54): the input cannot be stored. Never the database's own words.
  const pg = postgresCodeOf(e);
  if ((pg && /^(22|54)/.test(pg)) || (code && ["P2000", "P2007", "P2019", "P2020", "P2023", "P2033"].includes(code))) {
    return new ValidationError("Some of the input cannot be stored: it contains invalid characters or values out of range.");
  }
  if (code && CONNECTION_CODES.has(code)) return new UnavailableError();
  if (e instanceof Error && /ECONNREFUSED|Can't reach database|connection terminated/i.test(e.message)) return new UnavailableError();
  console.error("[tessera] unexpected error", e);
  return new AppError("internal", 500, "Something went wrong on our side. The error was logged.");
}
