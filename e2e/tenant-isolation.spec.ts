import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { tessera } from "./support/cli";
import { callServerAction } from "./support/server-actions";
import { ISOLATION_PASSWORD, seedIsolationWorld } from "./support/isolation-data";

// Tenant isolation: the owner of team A tries to change team B's products, contracts,
// deprecations, subscriptions, tokens and team through the UI, server actions called directly, and
// the API (with A's session and with A's token carrying every scope). Every attempt is refused and
// B's state, read back through B's own read token, B's audit trail and the CLI, is unchanged.
// A fresh world per run (e2e/support/isolation-data.ts): no other spec's data is involved.
test.describe.configure({ mode: "serial" });

let W: Awaited<ReturnType<typeof seedIsolationWorld>>;
let B: string;
let PRODUCT: string;
let read: string;
let victimTokenId: string;
let attacker: { email: string; password: string };

test.beforeAll(async () => {
  W = await seedIsolationWorld();
  B = W.teamB.slug;
  PRODUCT = W.productB.key;
  attacker = { email: W.attacker.email, password: ISOLATION_PASSWORD };
  read = tessera("token", "create", "--team", B, "--scopes", "read", "--name", "isolation-read");
  tessera("token", "create", "--team", B, "--scopes", "contracts:write", "--name", "isolation-victim");
  victimTokenId = tessera("token", "list", "--team", B).split("\n").find((l) => l.includes("isolation-victim"))!.split("\t")[0];
});

/** Everything of B an attack could change, as B itself reads it. */
async function bState(request: APIRequestContext) {
  const h = { authorization: `Bearer ${read}` };
  const get = async (url: string) => {
    const r = await request.get(url, { headers: h });
    expect(r.status(), url).toBe(200);
    return r.json();
  };
  const team = await get(`/api/v1/teams/${B}`);
  return JSON.stringify({
    team: { ...team, can: undefined },
    audit: (await get(`/api/v1/audit?team=${B}&limit=200`)).entries.map((e: { id: string; action: string }) => `${e.id} ${e.action}`),
    contracts: await get(`/api/v1/products/${PRODUCT}/contracts`),
    notices: await get(`/api/v1/products/${PRODUCT}/deprecations`),
    subscriptions: await get(`/api/v1/subscriptions?team=${B}`),
    tokens: tessera("token", "list", "--team", B).split("\n").map((l) => l.split("\t").slice(0, 5).join("\t")).sort(),
  });
}

/** B's current contract as YAML with a new minor version: a valid publish, if A were allowed. */
async function contractAttempt(page: Page): Promise<string> {
  const r = await page.request.get(`/api/v1/products/${PRODUCT}/contracts/current?format=yaml`);
  expect(r.status()).toBe(200);
  return (await r.text()).replace(/^version:.*$/m, "version: 1.2.0");
}

type Attack = [label: string, method: string, url: string, body: unknown, type?: string];

function apiAttacks(yaml: string): Attack[] {
  const later = (days: number) => new Date(Date.now() + days * 864e5).toISOString();
  return [
    ["edit B's product", "PATCH", `/api/v1/products/${PRODUCT}`, { description: "pwned" }],
    ["publish a contract on B's product", "POST", `/api/v1/products/${PRODUCT}/contracts`, yaml, "application/yaml"],
    ["announce a deprecation on B's product", "POST", `/api/v1/products/${PRODUCT}/deprecations`, { reason: "pwned", sunsetAt: later(400) }],
    ["move B's deprecation sunset", "PATCH", `/api/v1/deprecations/${W.noticeId}`, { sunsetAt: later(500) }],
    ["withdraw B's deprecation", "POST", `/api/v1/deprecations/${W.noticeId}/withdraw`, { reason: "pwned" }],
    ["move B's subscription pin", "PATCH", `/api/v1/subscriptions/${W.subscriptionId}`, { pinRange: "^9.0" }],
    ["withdraw B's subscription", "DELETE", `/api/v1/subscriptions/${W.subscriptionId}`, undefined],
    ["mint a token for B", "POST", `/api/v1/teams/${B}/tokens`, { name: "pwned", scopes: ["read", "contracts:write"] }],
    ["revoke B's token", "DELETE", `/api/v1/teams/${B}/tokens/${victimTokenId}`, undefined],
    ["rename B", "PATCH", `/api/v1/teams/${B}`, { name: "pwned", onCallHandle: "@attacker" }],
    ["join B as owner", "POST", `/api/v1/teams/${B}/members`, { email: attacker.email, role: "OWNER" }],
    ["demote B's owner", "PATCH", `/api/v1/teams/${B}/members/${W.victim.id}`, { role: "MEMBER" }],
    ["remove B's owner", "DELETE", `/api/v1/teams/${B}/members/${W.victim.id}`, undefined],
  ];
}

async function attack(request: APIRequestContext, headers: Record<string, string>, [label, method, url, body, type]: Attack) {
  const res = await request.fetch(url, {
    method,
    headers: { ...headers, ...(body !== undefined ? { "content-type": type ?? "application/json" } : {}) },
    data: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  expect([403, 404], `${label}: ${res.status()} ${JSON.stringify(json)}`).toContain(res.status());
  expect(json?.error?.code, label).toMatch(/^(forbidden|not_found)$/);
}

test("through the API, with A's session (same-origin) and with A's token holding every scope", async ({ page, request, baseURL }) => {
  const before = await bState(request);
  await signIn(page, attacker.email, attacker.password);
  const yaml = await contractAttempt(page);
  for (const a of apiAttacks(yaml)) await attack(page.request, { origin: baseURL! }, a);
  const tokenA = tessera("token", "create", "--team", W.teamA.slug, "--scopes", "read,contracts:write,measurements:write,subscriptions:write,lineage:write", "--name", "isolation-a", "--expires-days", "1");
  for (const a of apiAttacks(yaml)) await attack(request, { authorization: `Bearer ${tokenA}` }, a);
  expect(await bState(request)).toBe(before);
});

test("through server actions called directly with A's session", async ({ page, request, baseURL }) => {
  const before = await bState(request);
  await signIn(page, attacker.email, attacker.password);
  const yaml = await contractAttempt(page);
  const sunset = new Date(Date.now() + 400 * 864e5).toISOString().slice(0, 10);
  const teams = "app/(app)/teams/actions.ts";
  const contracts = "app/(app)/products/[key]/contract-actions.ts";
  const deprecations = "app/(app)/deprecations/actions.ts";
  const subscriptions = "app/(app)/subscriptions/actions.ts";
  const calls: { file: string; name: string; pagePath: string; form?: Record<string, string>; args?: unknown[] }[] = [
    { file: teams, name: "updateTeamAction", pagePath: `/teams/${B}`, form: { slug: B, name: "pwned", onCallHandle: "@attacker" } },
    { file: teams, name: "addMemberAction", pagePath: `/teams/${B}`, form: { slug: B, email: attacker.email, role: "OWNER" } },
    { file: teams, name: "changeRoleAction", pagePath: `/teams/${B}`, form: { slug: B, userId: W.victim.id, role: "MEMBER" } },
    { file: teams, name: "removeMemberAction", pagePath: `/teams/${B}`, form: { slug: B, userId: W.victim.id } },
    { file: teams, name: "createTokenAction", pagePath: `/teams/${B}`, form: { team: B, name: "pwned", scopes: "contracts:write" } },
    { file: teams, name: "revokeTokenAction", pagePath: `/teams/${B}`, form: { team: B, tokenId: victimTokenId } },
    { file: contracts, name: "publishContractAction", pagePath: `/products/${PRODUCT}`, args: [PRODUCT, yaml] },
    { file: contracts, name: "saveDraftAction", pagePath: `/products/${PRODUCT}`, args: [PRODUCT, yaml] },
    { file: deprecations, name: "publishNoticeAction", pagePath: `/products/${PRODUCT}/deprecate`, form: { productKey: PRODUCT, reason: "pwned", sunsetAt: sunset } },
    { file: deprecations, name: "updateNoticeAction", pagePath: `/products/${PRODUCT}/deprecations`, form: { id: W.noticeId, sunsetAt: sunset } },
    { file: deprecations, name: "withdrawNoticeAction", pagePath: `/products/${PRODUCT}/deprecations`, form: { id: W.noticeId, reason: "pwned" } },
    { file: subscriptions, name: "updateSubscriptionAction", pagePath: `/subscriptions/${W.subscriptionId}`, form: { id: W.subscriptionId, pinRange: "^9.0" } },
    { file: subscriptions, name: "withdrawSubscriptionAction", pagePath: `/subscriptions/${W.subscriptionId}`, form: { id: W.subscriptionId } },
  ];
  for (const c of calls) {
    const r = await callServerAction(page.request, baseURL!, c);
    expect(r.status, `${c.name}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
    expect(r.body, `${c.name} must be refused`).toMatch(/"code":"(forbidden|not_found)"/);
    expect(r.body, c.name).not.toMatch(/"ok":true/);
  }
  expect(await bState(request)).toBe(before);
});

test("through the UI: B's pages offer A no way to change anything", async ({ page, request }) => {
  const before = await bState(request);
  await signIn(page, attacker.email, attacker.password);
  await page.goto(`/teams/${B}`);
  await expect(page.getByRole("heading", { name: W.teamB.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "Team profile" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Add a member" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Audit" })).toHaveCount(0);
  await page.goto(`/teams/${B}?tab=tokens`);
  await expect(page.getByRole("form", { name: "Create a token" })).toHaveCount(0);
  await page.goto(`/products/${PRODUCT}?tab=publish`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByLabel("Contract document (native YAML or JSON, or ODCS v3)")).toHaveCount(0);
  await page.goto(`/products/${PRODUCT}/audit`);
  await expect(page.getByRole("alert").filter({ hasText: "Only members of the team that owns this product" })).toBeVisible();
  await page.goto(`/audit?team=${B}`);
  await expect(page.getByRole("table", { name: "Audit trail" })).toHaveCount(0);
  // A's own (unfiltered) audit page holds none of B's entries.
  await page.goto("/audit");
  await expect(page.getByRole("link", { name: W.teamB.name, exact: true })).toHaveCount(0);
  expect(await bState(request)).toBe(before);
});
