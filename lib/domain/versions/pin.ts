// Subscription pins: the four accepted forms (caret ^2.1, tilde ~2.1.3, exact 2.1.4, major 2.x),
// parsed strictly and normalised to one spelling; semantics come from the `semver` library.
import semver from "semver";
import { z } from "zod";

export type PinKind = "caret" | "tilde" | "exact" | "major";
/** A validated pin: `range` is its normalised spelling, usable with `semver.satisfies`. */
export type Pin = { kind: PinKind; range: string; major: number };
export type PinParseResult = { ok: true; pin: Pin } | { ok: false; message: string };

const N = "(0|[1-9]\\d*)";
const FORMS: { kind: PinKind; pattern: RegExp }[] = [
  { kind: "caret", pattern: new RegExp(`^\\^${N}(?:\\.${N}(?:\\.${N})?)?$`) },
  { kind: "tilde", pattern: new RegExp(`^~${N}\\.${N}(?:\\.${N})?$`) },
  { kind: "exact", pattern: new RegExp(`^${N}\\.${N}\\.${N}$`) },
  { kind: "major", pattern: new RegExp(`^${N}(?:\\.[xX])?$`) },
];
const HELP = "use ^2.1 (compatible updates), ~2.1.3 (patches only), 2.1.4 (exact) or 2.x (whole major)";

function sameSet(a: string, b: string): boolean {
  return new semver.Range(a).range === new semver.Range(b).range;
}

function refuse(input: string): string {
  if (input === "") return `A version pin is required: ${HELP}`;
  if (input.includes("||")) return `"${input}": alternatives (||) are not supported, a pin follows one major: ${HELP}`;
  if (/[<>=]/.test(input)) return `"${input}": comparisons (>=, <, =) are not supported: ${HELP}`;
  if (/^[*xX]$/.test(input)) return `"${input}": a pin must name a major version, or breaking changes would flow in silently: ${HELP}`;
  if (input.includes("*")) return `"${input}": wildcards are written x, as in 2.x: ${HELP}`;
  if (/\s-\s/.test(input)) return `"${input}": hyphen ranges are not supported: ${HELP}`;
  if (/^[~^]?\d+\.\d+\.\d+[-+]/.test(input)) return `"${input}": pre-release and build versions cannot be pinned: ${HELP}`;
  if (/^\d+\.\d+\.[xX]$/.test(input)) return `"${input}": write a minor line as a tilde pin, e.g. ~${input.slice(0, -2)}.0`;
  return `"${input}" is not a valid version pin: ${HELP}`;
}

export function parsePin(raw: string): PinParseResult {
  const input = raw.trim();
  const form = FORMS.find((f) => f.pattern.test(input));
  if (!form) return { ok: false, message: refuse(input) };
  const [major, minor, patch] = (input.match(/\d+/g) ?? []).map(Number) as [number, number?, number?];
  let range: string;
  let kind = form.kind;
  if (form.kind === "major" || (form.kind === "caret" && minor === undefined && sameSet(input, `${major}.x`))) {
    kind = "major";
    range = `${major}.x`;
  } else if (form.kind === "caret") {
    const short = `^${major}.${minor}`;
    range = patch === undefined || sameSet(input, short) ? short : input;
  } else if (form.kind === "tilde") {
    range = `~${major}.${minor}.${patch ?? 0}`;
  } else {
    range = input;
  }
  return { ok: true, pin: { kind, range, major } };
}

/** Normalised spelling of a pin; throws with the parse message when invalid. */
export function normalizePin(raw: string): string {
  const result = parsePin(raw);
  if (!result.ok) throw new Error(result.message);
  return result.pin.range;
}

/** The default pin for a version: ^MAJOR.MINOR (e.g. 2.1.4 -> ^2.1). */
export function defaultPin(version: string): string {
  const parsed = semver.parse(version);
  if (!parsed) throw new Error(`"${version}" is not a semantic version`);
  return `^${parsed.major}.${parsed.minor}`;
}

/** Does `version` fall in the pin's range? Invalid versions never do. */
export function satisfiesPin(version: string, pin: Pin | string): boolean {
  const range = typeof pin === "string" ? normalizePin(pin) : pin.range;
  return semver.valid(version) !== null && semver.satisfies(version, range);
}

/** zod schema for a pin from user input: validates, and outputs the normalised spelling. */
export const ZPinRange = z.string().transform((value, ctx) => {
  const result = parsePin(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.pin.range;
});
