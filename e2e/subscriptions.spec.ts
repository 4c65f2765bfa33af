import { test, expect, type Browser, type Page } from "@playwright/test";
import { demoAccount, expectAccessible, signIn } from "./helpers";

// Subscribing with a pin, approval, minors flowing in, a new major that does not, the upgrade
// assistant and moving the pin; the tier rule on consuming products. Each run makes its own products.
const owner = demoAccount((a) => a.email === "orders-owner@tessera.demo");
const consumer = demoAccount((a) => a.email === "consumer@tessera.demo");
const DAY = 864e5;

function contract(version: string, fields: string[]) {
  return [
    "name: Subscription journey facts",
    `version: ${version}`,
    "owner: orders",
    "schema:",
    "  fields:",
    ...fields.map((f) => `    - { name: ${f}, type: string, required: ${f === "order_id"}, description: "${f} of the order" }`),
    "sla:",
    "  freshness: { maxAgeMinutes: 60 }",
    "  completeness: { minPercent: 99 }",
    "semantics:",
    "  summary: One row per order, for the subscription journey.",
    "",
  ].join("\n");
}

async function as(browser: Browser, email: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

async function publish(page: Page, baseURL: string, key: string, version: string, fields: string[]) {
  const r = await page.request.post(`/api/v1/products/${key}/contracts`, { headers: { origin: baseURL, "content-type": "application/yaml" }, data: contract(version, fields) });
  expect(r.status(), await r.text()).toBeLessThan(300);
}

async function createProduct(page: Page, topic: string, tier: "GOLD" | "SILVER", approval: boolean) {
  await page.goto("/products/new?domain=orders");
  await page.getByLabel("Topic").fill(topic);
  await page.getByLabel("Tier").selectOption(tier);
  await page.getByLabel("Name").fill(`Journey ${topic} ${tier.toLowerCase()}`);
  if (approval) await page.getByLabel(/need my team/).check();
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/orders\\.${topic}\\.${tier.toLowerCase()}$`));
}

test("a consumer subscribes ^2.1, the owner approves, minors flow in, a major does not, and the consumer moves the pin", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const topic = `sub_journey_${Date.now().toString(36)}`;
  const key = `orders.${topic}.gold`;
  await signIn(page, owner.email, owner.password);
  await createProduct(page, topic, "GOLD", true);
  await publish(page, baseURL!, key, "2.1.0", ["order_id", "amount", "coupon"]);

  // The consumer requests a subscription with the default pin.
  const c = await as(browser, consumer.email, consumer.password);
  await c.goto(`/products/${key}/subscribe`);
  await c.getByLabel("Consuming team").selectOption("marketing");
  await expect(c.getByLabel("Version pin")).toHaveValue("^2.1");
  await c.getByLabel("Purpose").fill("Weekly revenue by campaign");
  await expectAccessible(c);
  await c.getByRole("button", { name: "Request subscription" }).click();
  await expect(c).toHaveURL(/\/subscriptions\/[^/?]+\?created=1/);
  await expect(c.getByText("Awaiting approval").first()).toBeVisible();
  const subUrl = c.url().split("?")[0];

  // The owner approves it from the subscriber list.
  await page.goto(`/products/${key}/subscribers`);
  await expect(page.getByText("Weekly revenue by campaign")).toBeVisible();
  await page.getByRole("form", { name: /Approve/ }).getByRole("button", { name: "Approve" }).click();
  // Approved: it leaves the waiting list and joins the subscribers.
  await expect(page.getByRole("table", { name: "Active subscribers" })).toContainText("Weekly revenue by campaign");
  await expect(page.getByRole("heading", { name: /Waiting for approval/ })).toHaveCount(0);

  // A minor flows in without any action.
  await publish(page, baseURL!, key, "2.2.0", ["order_id", "amount", "coupon", "channel"]);
  await c.goto(subUrl);
  await expect(c.getByText(/resolves to/)).toContainText("2.2.0");

  // The owner deprecates 2.x, then publishes 3.0.0 without `coupon`: it never flows in.
  const sunset = new Date(Date.now() + 95 * DAY).toISOString().slice(0, 10);
  const dep = await page.request.post(`/api/v1/products/${key}/deprecations`, {
    headers: { origin: baseURL! },
    data: { targetRange: "2.x", reason: "3.0 drops the coupon column", sunsetAt: sunset, replacementRange: "^3.0", migrationNotes: "Read discounts from `discounts.gold`." },
  });
  expect(dep.status(), await dep.text()).toBe(201);
  await publish(page, baseURL!, key, "3.0.0", ["order_id", "amount", "channel"]);

  await c.goto("/subscriptions");
  const row = c.getByRole("row", { name: new RegExp(key.replace(/\./g, "\\.")) });
  await expect(row).toContainText("New major 3.0.0 available");
  await expect(row).toContainText("2.2.0");
  await expectAccessible(c);
  await row.getByRole("link", { name: "Open the upgrade assistant" }).click();

  // The upgrade assistant lists the breaking change and the migration notes; one click moves the pin.
  await expect(c.getByText("1 breaking change")).toBeVisible();
  await expect(c.getByRole("list", { name: "Breaking changes" })).toContainText("coupon");
  await expect(c.getByText("Read discounts from")).toBeVisible();
  await expectAccessible(c);
  await c.getByRole("button", { name: "Move pin to ^3.0" }).click();
  await expect(c.getByText(/resolves to/)).toContainText("3.0.0");
  await expect(c.getByText("You are on the newest version")).toBeVisible();
});

test("the tier rule refuses a consuming product of another domain on SILVER; a plain team subscription is allowed and labelled", async ({ page, browser, baseURL }) => {
  const topic = `tier_rule_${Date.now().toString(36)}`;
  const key = `orders.${topic}.silver`;
  await signIn(page, owner.email, owner.password);
  await createProduct(page, topic, "SILVER", false);
  await publish(page, baseURL!, key, "1.0.0", ["order_id"]);

  const c = await as(browser, consumer.email, consumer.password);
  await c.goto(`/products/${key}/subscribe`);
  // Other specs may add the consumer to more teams: act for Marketing, which owns products.
  await c.getByLabel("Consuming team").selectOption("marketing");
  const consuming = c.getByLabel(/On behalf of/);
  const first = await consuming.locator("option").nth(1).getAttribute("value");
  await consuming.selectOption(first!);
  await c.getByLabel("Purpose").fill("Feeds our attribution mart");
  await c.getByRole("button", { name: "Subscribe" }).click();
  await expect(c.getByRole("alert").filter({ hasText: "only depend on GOLD" })).toBeVisible();

  await consuming.selectOption("");
  await expect(c.getByText(/outside the cross-domain interface/)).toBeVisible();
  await c.getByRole("button", { name: "Subscribe" }).click();
  await expect(c).toHaveURL(/\/subscriptions\/[^/?]+\?created=1/);
  await expect(c.getByText(/outside the cross-domain interface/)).toBeVisible();
});
