import { randomUUID } from "node:crypto";
import { test, expect } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";

// Done-means of issue 9: an OpenLineage event of a marketing job reading orders' SILVER table shows
// up as a flagged observed dependency on both products, and in the governance report. The pair is
// one the demo seed does not observe, so the flag can only come from this event.
const READER = "marketing.campaign_attribution.silver"; // writes analytics.marketing.campaign_touchpoints_silver
const ORDERS_SILVER = "orders.returns.silver"; // serves analytics.orders.returns_silver
const WAREHOUSE = "postgres://warehouse:5432";

test("a marketing job reading orders' SILVER table is flagged on both products and in the governance report", async ({ page, baseURL }) => {
  await signIn(page, "marketing-owner@tessera.demo", DEMO_PASSWORD);
  const created = await page.request.post("/api/v1/teams/marketing/tokens", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: { name: `e2e-lineage-${Date.now()}`, scopes: ["lineage:write"] },
  });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };

  const job = `touchpoints_with_returns_${Date.now().toString(36)}`;
  const event = {
    eventType: "COMPLETE",
    eventTime: new Date(Date.now() - 5 * 60_000).toISOString(),
    producer: "https://github.com/OpenLineage/OpenLineage/tree/1.20.0/integration/airflow",
    schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    run: { runId: randomUUID(), facets: {} },
    job: { namespace: "airflow-marketing", name: job, facets: {} },
    inputs: [{ namespace: WAREHOUSE, name: "analytics.orders.returns_silver", facets: { schema: { _producer: "x", _schemaURL: "y", fields: [] } } }],
    outputs: [{ namespace: WAREHOUSE, name: "analytics.marketing.campaign_touchpoints_silver" }],
  };
  // The session cannot send lineage (tokens only); the token can.
  expect((await page.request.post("/api/v1/lineage", { headers: { origin: baseURL!, "content-type": "application/json" }, data: event })).status()).toBe(403);
  const sent = await page.request.post("/api/v1/lineage", { headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, data: event });
  expect(sent.status(), await sent.text()).toBe(200);
  expect(await sent.json()).toMatchObject({ status: "accepted", edges: [{ downstream: READER, upstream: ORDERS_SILVER, violation: "tier.cross-domain-gold-only" }] });

  // The reading product: a flag badge in the header, the observed edge marked in its dependencies.
  await page.goto(`/products/${READER}`);
  await expect(page.getByRole("link", { name: /governance flag/ })).toBeVisible();
  const deps = page.getByRole("complementary", { name: "Product details" });
  await expect(deps.getByRole("listitem").filter({ hasText: ORDERS_SILVER })).toContainText("observed");
  await expect(deps.getByRole("listitem").filter({ hasText: ORDERS_SILVER })).toContainText("flag: tier.cross-domain-gold-only");
  await page.getByRole("link", { name: /governance flag/ }).click();
  await expect(page.getByRole("heading", { name: "Dependencies", level: 1 })).toBeVisible();
  await expect(page.getByText(`airflow-marketing/${job}`)).toBeVisible();

  // The read product (orders) shows it too.
  await page.goto(`/products/${ORDERS_SILVER}`);
  await expect(page.getByRole("link", { name: /governance flag/ })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Product details" }).getByRole("listitem").filter({ hasText: READER })).toContainText("flag: tier.cross-domain-gold-only");

  // The governance report, from the main navigation, filtered to the orders domain.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lineage" }).click();
  await expect(page.getByRole("heading", { name: "Governance report", level: 1 })).toBeVisible();
  await page.getByLabel("Domain").selectOption("orders");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/domain=orders/);
  const flag = page.getByRole("listitem", { name: `${READER} reads ${ORDERS_SILVER}` });
  await expect(flag).toContainText("tier.cross-domain-gold-only");
  await expect(flag).toContainText(`airflow-marketing/${job}`);
  await expect(flag.getByRole("link", { name: ORDERS_SILVER })).toHaveAttribute("href", `/products/${ORDERS_SILVER}`);
  await expectAccessible(page);

  // A platform admin waives the flag, then takes the waiver back: it is open again.
  await page.context().clearCookies();
  await signIn(page, "admin@tessera.demo", DEMO_PASSWORD);
  await page.goto("/lineage?domain=orders");
  const open = page.getByRole("listitem", { name: `${READER} reads ${ORDERS_SILVER}` });
  await open.getByText("Waive this flag").click();
  await open.getByLabel("Reason (kept in the audit trail)").fill("Attribution moves to the GOLD product next quarter");
  await open.getByRole("button", { name: "Waive" }).click();
  await expect(open).toHaveCount(0); // no longer among the open flags
  await page.goto("/lineage?domain=orders&status=waived");
  const waived = page.getByRole("listitem", { name: `${READER} reads ${ORDERS_SILVER}` });
  await expect(waived).toContainText("Attribution moves to the GOLD product next quarter");
  await waived.getByText("Reopen this flag").click();
  await waived.getByLabel("Why (optional, kept in the audit trail)").fill("The migration was cancelled");
  await waived.getByRole("button", { name: "Reopen" }).click();
  await expect(waived).toHaveCount(0); // no longer among the waived flags
  await page.goto("/lineage?domain=orders");
  await expect(page.getByRole("listitem", { name: `${READER} reads ${ORDERS_SILVER}` })).not.toContainText("waived");
  await expectAccessible(page);
});

test("the demo's unclaimed datasets are listed, and an owner claims one for a product", async ({ page }) => {
  await signIn(page, "marketing-owner@tessera.demo", DEMO_PASSWORD);
  await page.goto("/lineage/unclaimed?q=spark-marketing");
  await expect(page.getByRole("listitem", { name: /utm_campaign_lookup\.csv/ })).toContainText("read by spark-marketing/sessionize_web_events");
  const item = page.getByRole("listitem", { name: /scratch\.marketing\.sessions_enriched/ });
  await expect(item).toContainText("written by spark-marketing/sessionize_web_events");
  await expectAccessible(page);
  await item.getByText("Claim for one of my products").click();
  await item.getByLabel("Product").selectOption("marketing.campaign_attribution.silver");
  await item.getByRole("button", { name: "Claim" }).click();
  // The claim lands on the product's dependencies, saying what it did; the dataset left the list.
  await expect(page).toHaveURL(/\/products\/marketing\.campaign_attribution\.silver\/dependencies\?claimed=/);
  await expect(page.getByRole("status").filter({ hasText: "Dataset claimed" })).toContainText("Dataset claimed: it is now the output port sessions_enriched of this product, and the runs already seen with it made 1 observed dependency.");
  // The runs seen before the claim are now observed edges of the product, next to the declared one.
  const upstream = page.getByRole("region", { name: "Upstream (what it reads)" });
  await expect(upstream.getByRole("listitem").filter({ hasText: "marketing.web_sessions.bronze" }).filter({ hasText: "observed" })).toContainText("spark-marketing/sessionize_web_events");
  await expect(upstream.getByRole("listitem").filter({ hasText: "marketing.web_sessions.bronze" })).toHaveCount(2);
  await page.goto("/lineage/unclaimed?q=sessions_enriched");
  await expect(page.getByText("0 datasets matching")).toBeVisible();
});
