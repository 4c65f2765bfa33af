import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";
import { PASSWORD, seedDeprecationWorld } from "./support/deprecation-data";

// The deprecation journey with a movable clock (TESSERA_TEST_CLOCK=1 on the e2e server): announce,
// remind, migrate, retire. Data: a fresh owner team, product (2.0.0, 2.1.0, 3.0.0) and two
// consumer teams per run (e2e/support/deprecation-data.ts).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DAY = 864e5;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A webhook receiver that fails its first request with 500, then accepts. */
function receiver() {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.statusCode = got.length === 1 ? 500 : 200;
      res.end("ok");
    });
  });
  return { got, server };
}

/** Moves the clock and runs the lifecycle of this journey's product only (other specs share the database). */
async function clock(page: Page, productKey: string, body: Record<string, number> = {}) {
  const r = await page.request.post("/api/test/clock", { data: { ...body, productKey } });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as { now: string; lifecycle: { notified: number; retiredVersions: number; brokenSubscriptions: number } };
}

async function as(browser: Browser, email: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

test("an owner announces a sunset, consumers are reminded once, one migrates, the other breaks at the sunset; webhooks are signed and retried", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const w = await seedDeprecationWorld(PORT);
  const hook = receiver();
  await new Promise<void>((r) => hook.server.listen(0, "127.0.0.1", () => r()));
  const hookUrl = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/tessera`;
  try {
    // The staying consumer's owner registers a webhook (secret shown once).
    const stayer = await as(browser, w.stayer.email);
    await stayer.goto(`/teams/${w.stayerTeam.slug}/webhooks`);
    await stayer.getByLabel("Receiver URL").fill(hookUrl);
    await stayer.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await stayer.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(stayer);

    // The owner previews the impact and is refused a 30-day sunset while subscribers remain.
    await signIn(page, w.owner.email, PASSWORD);
    const start = new Date((await clock(page, w.product.key)).now);
    await page.goto(`/products/${w.product.key}/deprecate?range=2.x`);
    await expect(page.getByTestId("affected-count")).toContainText("2 subscriptions resolve into it");
    await expectAccessible(page);
    await page.getByLabel("Reason").fill("3.x reports weight in kilograms");
    await page.getByLabel("Replacement version range").fill("3.x");
    await page.getByLabel("Migration notes (Markdown)").fill("## Steps\n- Move your pin to `^3.0`\n- Divide by **1000**\n<script>alert(1)</script>");
    await page.getByLabel("Sunset date").fill(isoDay(new Date(start.getTime() + 30 * DAY)));
    await page.getByRole("button", { name: "Publish notice" }).click();
    await expect(page.getByRole("region", { name: "Publish the notice" }).getByRole("alert")).toContainText("at least 90 days");
    const sunsetDay = isoDay(new Date(start.getTime() + 91 * DAY)); // a whole date at least 90 days out
    await page.getByLabel("Sunset date").fill(sunsetDay);
    await page.getByRole("button", { name: "Publish notice" }).click();
    await expect(page).toHaveURL(/\/deprecations\?published=/);
    await expect(page.getByTestId("migration-progress")).toContainText("0 of 2 subscriber teams migrated");
    await expect(page.locator("h2", { hasText: "Steps" })).toBeVisible();
    await expect(page.getByText("<script>alert(1)</script>")).toBeVisible(); // shown as text, never run
    await expectAccessible(page);

    // The consumer sees it in the inbox (badge in the header) and on its timeline.
    await stayer.goto("/inbox");
    await expect(stayer.getByTestId("inbox-link")).toHaveAccessibleName(/Inbox: 1 unread/);
    await expect(stayer.getByTestId("notification")).toHaveCount(1);
    await expect(stayer.getByTestId("notification").first()).toContainText(`will be retired on ${sunsetDay}`);
    await expectAccessible(stayer);
    await stayer.goto("/subscriptions/timeline");
    await expect(stayer.getByRole("img", { name: /Your teams' deprecated subscriptions/ })).toBeVisible();
    await expect(stayer.getByTestId("going-away")).toContainText(w.product.key.split(".")[0]!.slice(0, 4));
    await expect(stayer.getByTestId("going-away")).toContainText(/9\d days left/);
    await expectAccessible(stayer);

    // Day 83 (7 days before the sunset): the 7-day reminder arrives once, even when the tick runs twice.
    const sunset = new Date(`${sunsetDay}T00:00:00Z`);
    const now1 = new Date((await clock(page, w.product.key)).now);
    await clock(page, w.product.key, { advanceMs: sunset.getTime() - 7 * DAY + 3600_000 - now1.getTime() });
    await clock(page, w.product.key);
    await stayer.goto("/inbox");
    await expect(stayer.getByTestId("notification").filter({ hasText: "7 days left" })).toHaveCount(1);
    await expect(stayer.getByTestId("notification").filter({ hasText: "30 days left" })).toHaveCount(0);
    await stayer.goto("/subscriptions/timeline");
    await expect(stayer.getByTestId("going-away")).toContainText("7 days left");

    // The other consumer moves its pin to 3.x; the owner's progress shows it migrated.
    const mover = await as(browser, w.mover.email);
    const moved = await mover.request.patch(`/api/v1/subscriptions/${w.moverSub}`, { data: { pinRange: "^3.0" }, headers: { origin: baseURL! } });
    expect(moved.status(), await moved.text()).toBe(200);
    await page.goto(`/products/${w.product.key}/deprecations`);
    await expect(page.getByTestId("migration-progress")).toContainText("1 of 2 subscriber teams migrated");
    await expect(page.getByTestId("progress-team").filter({ hasText: w.moverTeam.name })).toContainText("migrated");

    // Past the sunset: 2.x is RETIRED and the subscriber left on it is BROKEN.
    const after = await clock(page, w.product.key, { advanceDays: 8 });
    expect(after.lifecycle.retiredVersions).toBe(2);
    await page.goto(`/products/${w.product.key}/timeline`);
    await expect(page.getByTestId("version-2.0.0")).toContainText("RETIRED");
    await expect(page.getByTestId("version-2.1.0")).toContainText("RETIRED");
    await expect(page.getByTestId("version-3.0.0")).toContainText("PUBLISHED");
    await expect(page.getByRole("img", { name: /Version timeline of/ })).toBeVisible();
    await expectAccessible(page);
    const subs = await stayer.request.get("/api/v1/subscriptions");
    const mine = ((await subs.json()) as { id: string; status: string }[]).find((x) => x.id === w.stayerSub);
    expect(mine?.status).toBe("BROKEN");
    await page.goto(`/products/${w.product.key}/deprecations`);
    await expect(page.getByTestId("progress-team").filter({ hasText: w.stayerTeam.name })).toContainText("broken");

    // The webhook: every delivery signed with the secret; the first (failed with 500) was retried.
    expect(hook.got.length).toBeGreaterThanOrEqual(3);
    for (const r of hook.got) {
      const ts = String(r.headers["x-tessera-timestamp"]);
      expect(r.headers["x-tessera-signature"]).toBe(`sha256=${createHmac("sha256", secret).update(`${ts}.${r.body}`).digest("hex")}`);
    }
    const firstId = hook.got[0]!.headers["x-tessera-delivery"];
    expect(hook.got.filter((r) => r.headers["x-tessera-delivery"] === firstId).length).toBe(2);
    const events = hook.got.map((r) => JSON.parse(r.body).event as string);
    expect(events).toContain("deprecation.announced");
    expect(events).toContain("deprecation.reminder");
    expect(events).toContain("deprecation.sunset");
    await stayer.goto(`/teams/${w.stayerTeam.slug}/webhooks`);
    await expect(stayer.getByTestId("delivery").filter({ hasText: "deprecation.announced" })).toContainText("succeeded");
  } finally {
    await new Promise<void>((r) => hook.server.close(() => r()));
    // Leave the clock where other specs expect it.
    await page.request.post("/api/test/clock", { data: { offsetMs: 0 } }).catch(() => {});
  }
});

test("the Atom feed is public and lists notices", async ({ request }) => {
  const r = await request.get("/feeds/deprecations.atom");
  expect(r.status()).toBe(200);
  expect(r.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await r.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toMatch(/<link rel="self" type="application\/atom\+xml" href="[^"]+\/feeds\/deprecations\.atom"\/>/);
  expect(xml).toContain("<entry>"); // the demo data has notices
});
