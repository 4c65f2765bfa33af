import { test, expect } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";

// SLO journey on the demo topology: customer.customer_profile.silver -HARD-> customer.customer_profile.gold
// (subscribed by other teams). Measurements posted with a team token spend the silver product's
// error budget: the job runner turns it RED within about a second (the request only queues it),
// the GOLD product downstream shows AT RISK, the impact view lists the subscribing teams, and the
// chart shows the breaches.
const SILVER = "customer.customer_profile.silver";
const GOLD = "customer.customer_profile.gold";
const OBJECTIVES = ["FRESHNESS", "COMPLETENESS", "ACCURACY", "AVAILABILITY", "LATE_ARRIVAL"] as const;
const BAD: Record<(typeof OBJECTIVES)[number], number> = { FRESHNESS: 100_000, COMPLETENESS: 0, ACCURACY: 0, AVAILABILITY: 0, LATE_ARRIVAL: 100_000 };

test("measurements turn a product RED, its GOLD downstream AT RISK, impact lists the teams, the chart shows the breach", async ({ page, request, baseURL }) => {
  await signIn(page, "customer-owner@tessera.demo", DEMO_PASSWORD);

  // A measurements:write token for the owner team, created through the API with the session.
  const created = await page.request.post("/api/v1/teams/customer/tokens", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: { name: `e2e-slo-${Date.now()}`, scopes: ["measurements:write"] },
  });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };

  // Without a token: 401. With it: 150 misses per objective over the last 150 minutes spend every budget.
  const run = Date.now().toString(36);
  const now = Date.now();
  const measurements = OBJECTIVES.flatMap((objective) =>
    Array.from({ length: 150 }, (_, i) => ({ product: SILVER, objective, value: BAD[objective], observedAt: new Date(now - i * 60_000).toISOString(), idempotencyKey: `e2e-${run}-${objective}-${i}` })),
  );
  expect((await request.post("/api/v1/measurements", { data: { measurements } })).status()).toBe(401);
  const posted = await request.post("/api/v1/measurements", { headers: { authorization: `Bearer ${token}` }, data: { measurements: [...measurements, { product: SILVER, objective: "FRESHNESS", value: "stale" }] } });
  expect(posted.status()).toBe(200);
  const result = (await posted.json()) as { accepted: number; duplicates: number; rejected: { index: number; code: string }[] };
  expect(result.accepted).toBeGreaterThanOrEqual(150);
  expect(result.rejected).toContainEqual(expect.objectContaining({ index: measurements.length, code: "invalid" }));
  // More than 5,000 items: 413, nothing stored.
  const tooMany = Array.from({ length: 5001 }, (_, i) => ({ product: SILVER, objective: "FRESHNESS", value: 1, observedAt: new Date(now).toISOString(), idempotencyKey: `e2e-${run}-big-${i}` }));
  expect((await request.post("/api/v1/measurements", { headers: { authorization: `Bearer ${token}` }, data: { measurements: tooMany } })).status()).toBe(413);
  // Re-sending is harmless: nothing new is stored.
  const again = await request.post("/api/v1/measurements", { headers: { authorization: `Bearer ${token}` }, data: { measurements } });
  expect(((await again.json()) as { accepted: number }).accepted).toBe(0);

  // Status is recomputed off the request path: wait (polling the API, not sleeping) until the
  // job runner has turned the product RED and its HARD downstream AT RISK.
  const impactOf = async () => (await (await page.request.get(`/api/v1/products/${SILVER}/impact?limit=1000`)).json()) as { product: { sloStatus: string }; products: { key: string; atRisk: boolean }[] };
  await expect.poll(async () => (await impactOf()).product.sloStatus, { timeout: 15_000 }).toBe("RED");
  await expect.poll(async () => (await impactOf()).products.find((p) => p.key === GOLD)?.atRisk, { timeout: 15_000 }).toBe(true);

  // The product is RED, with the breach on its chart.
  await page.goto(`/products/${SILVER}/slo`);
  await expect(page.getByRole("heading", { name: "Service level objectives" })).toBeVisible();
  await expect(page.getByText("SLO Red").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Who to tell/ })).toBeVisible();
  const chart = page.getByRole("img", { name: /breaches of the objective/ }).first();
  await expect(chart).toBeVisible();
  expect(Number((await chart.getAttribute("aria-label"))!.match(/(\d+) breaches/)![1])).toBeGreaterThan(0);
  expect(await chart.locator("circle[data-breach]").count()).toBeGreaterThan(0);
  await expectAccessible(page);

  // Its HARD downstream GOLD product is AT RISK.
  await page.goto(`/products/${GOLD}/slo`);
  await expect(page.getByText("At risk").first()).toBeVisible();

  // The impact view lists the downstream GOLD product and the subscribing teams, with the path.
  await page.goto(`/products/${SILVER}/impact`);
  await expect(page.getByRole("heading", { name: "Who to tell now" })).toBeVisible();
  const products = page.getByRole("table", { name: /Every product downstream/ });
  await expect(products.getByRole("link", { name: GOLD })).toBeVisible();
  const teams = page.getByRole("table", { name: /Teams subscribed/ });
  expect(await teams.getByRole("row").count()).toBeGreaterThan(1);
  await expect(teams).toContainText(GOLD);
  await expectAccessible(page);

  // The same through the API.
  const impact = await page.request.get(`/api/v1/products/${SILVER}/impact`);
  const body = (await impact.json()) as { products: { key: string; path: string[] }[]; teams: { slug: string }[]; totals: { products: number; teams: number } };
  expect(body.products.find((p) => p.key === GOLD)?.path).toEqual([SILVER, GOLD]);
  expect(body.teams.length).toBeGreaterThan(0);
  expect(body.totals).toMatchObject({ teams: body.teams.length });
  expect(body.totals.products).toBeGreaterThanOrEqual(body.products.length);

  // The dependency graph shows the product and links to its neighbours.
  await page.goto(`/products/${SILVER}/dependencies`);
  const graph = page.getByRole("group", { name: /Dependency graph/ });
  await expect(graph.getByRole("link", { name: new RegExp(`^${GOLD.replace(/\./g, "\\.")}, GOLD`) })).toBeVisible();
  await graph.focus();
  await page.keyboard.press("+");
  await expectAccessible(page);
});
