import { test, expect } from "@playwright/test";
import { demoAccount, signIn } from "./helpers";
import { freshUsers } from "./support/fresh-users";

// HTTP hardening as a browser and an attacker see it: security headers and a CSP the app lives
// with, CSRF on cookie-authenticated API writes, the proxy bypass header, sign-in rate limits,
// GET without side effects, and errors that never leak internals.
const consumer = demoAccount((a) => a.email.startsWith("consumer"));

test("pages carry strict security headers and run without a single CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/signin");
  const h = res!.headers();
  const csp = h["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'sha256-/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(eval|inline)'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(h["strict-transport-security"]).toMatch(/max-age=\d{8}/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-powered-by"]).toBeUndefined();
  // A fresh nonce per response.
  const again = (await page.request.get("/signin")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  await signIn(page, consumer.email, consumer.password);
  for (const path of ["/marketplace", "/teams", "/teams/marketing", "/audit", "/api-docs"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // Hydrated under the CSP: client components work (the theme toggle flips the class).
  const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await page.getByRole("button", { name: /Switch to (dark|light) theme/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(!dark);
  expect(violations).toEqual([]);

  const api = await page.request.get("/api/v1/openapi.json");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("cookie-authenticated API writes need a same-origin request; statuses follow the conventions", async ({ page, baseURL }) => {
  const [me] = await freshUsers("hardener"); // it creates a team: not a demo account others use
  await signIn(page, me.email, me.password);
  const slug = `hard-${Date.now().toString(36)}`;
  const body = { slug, name: "Hardening" };
  for (const headers of [{ origin: "null" }, { origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, {}] as Record<string, string>[]) {
    const r = await page.request.post("/api/v1/teams", { data: body, headers });
    expect(r.status(), JSON.stringify(headers)).toBe(403);
    expect((await r.json()).error.code).toBe("forbidden");
  }
  expect((await page.request.get(`/api/v1/teams/${slug}`)).status()).toBe(404);
  const origin = { origin: baseURL! };
  const created = await page.request.post("/api/v1/teams", { data: body, headers: origin });
  expect(created.status()).toBe(201);
  const dup = await page.request.post("/api/v1/teams", { data: body, headers: origin });
  expect([dup.status(), (await dup.json()).error.code]).toEqual([409, "conflict"]);
  const self = (await (await page.request.get(`/api/v1/teams/${slug}`)).json()).members[0];
  const last = await page.request.delete(`/api/v1/teams/${slug}/members/${self.userId}`, { headers: origin });
  expect([last.status(), (await last.json()).error.code]).toEqual([422, "rule_violation"]);
  const bad = await page.request.post("/api/v1/teams", { data: "{oops", headers: { ...origin, "content-type": "application/json" } });
  expect([bad.status(), (await bad.json()).error.code]).toEqual([400, "validation_failed"]);
  const big = await page.request.patch(`/api/v1/teams/${slug}`, { data: JSON.stringify({ description: "x".repeat(10 * 1024 * 1024) }), headers: { ...origin, "content-type": "application/json" } });
  expect(big.status()).toBe(413);
  const typed = await page.request.patch(`/api/v1/teams/${slug}`, { data: { name: 42, onCallHandle: "<script>alert(1)</script>" }, headers: origin });
  const issues = (await typed.json()).error;
  expect([typed.status(), issues.code]).toEqual([400, "validation_failed"]);
  expect(issues.details.map((d: { path: string[] }) => d.path[0]).sort()).toEqual(["name", "onCallHandle"]);
});

test("the x-middleware-subrequest header bypasses nothing", async ({ request }) => {
  for (const value of ["middleware", "proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware"]) {
    const page = await request.get("/teams", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
    expect(page.status(), value).toBe(307);
    expect(page.headers().location).toMatch(/\/signin\?callbackUrl=%2Fteams/);
    const api = await request.get("/api/v1/me", { headers: { "x-middleware-subrequest": value } });
    expect(api.status()).toBe(401);
  }
});

test("GET never changes state: visiting the sign-out URL keeps the session", async ({ page }) => {
  await signIn(page, consumer.email, consumer.password);
  await page.request.get("/api/auth/signout");
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  await page.goto("/teams");
  await expect(page.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
});

test("sign-in is rate limited per email, with a clear message", async ({ page }) => {
  const email = `nobody-${Date.now().toString(36)}@tessera.demo`;
  await page.goto("/signin");
  let limited = false;
  for (let i = 0; i < 12 && !limited; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: /do not match|Too many/ });
    await expect(alert).toBeVisible();
    limited = /Too many sign-in attempts/.test((await alert.textContent()) ?? "");
  }
  expect(limited).toBe(true);
});

test("errors never show internals", async ({ page }) => {
  await signIn(page, consumer.email, consumer.password);
  for (const path of ["/teams/does-not-exist", "/teams/%00", "/products/%E0%A4%A/audit", "/audit?from=not-a-date&cursor=abc"]) {
    const r = await page.goto(path);
    expect(r!.status(), path).toBeLessThan(500);
    await expect(page.locator("body")).not.toContainText(/Prisma|at \w+ \(|node_modules|invalid byte sequence|TypeError/);
  }
  const api = await page.request.get("/api/v1/teams/%E0%A4%A");
  expect([api.status(), (await api.json()).error.code]).toEqual([400, "validation_failed"]);
});
