import { test, expect, type Page } from "@playwright/test";
import { demoAccount, expectAccessible, signIn } from "./helpers";

const consumer = () => demoAccount((a) => a.email.startsWith("consumer"));
const results = (page: Page) => page.getByRole("list", { name: "Data products" }).getByRole("listitem");

test("a consumer types a misspelled topic, narrows by tier and domain, and opens the product", async ({ page }) => {
  await signIn(page, consumer().email, consumer().password);
  await page.goto("/marketplace");
  await expect(page.getByRole("heading", { name: "Marketplace", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Instant results: typing updates the URL and the results, no button needed.
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("ordr facts");
  await expect(page).toHaveURL(/[?&]q=ordr\+facts/);
  await expect(results(page).first()).toContainText(/Order facts/i);
  await expect(page.getByText(/No product uses “ordr”/)).toBeVisible();

  // Facets: gold, then the orders domain; each is a history entry.
  await page.getByRole("group", { name: "Tier" }).getByRole("checkbox", { name: /^Gold/ }).check();
  await expect(page).toHaveURL(/tier=GOLD/);
  await page.getByRole("group", { name: "Domain" }).getByRole("checkbox", { name: /^Orders/ }).check();
  await expect(page).toHaveURL(/domain=orders/);
  await expect(results(page)).toHaveCount(1);
  const card = results(page).first();
  await expect(card).toContainText("orders.order_facts.gold");
  await expect(card).toContainText("Gold");
  await expect(card).toContainText(/SLOs met|Budget running low|SLO breached|No recent measurements/);
  await expectAccessible(page);

  // The back button undoes the last filter; the URL alone restores the state.
  await page.goBack();
  await expect(page).not.toHaveURL(/domain=orders/);
  await expect(page.getByRole("group", { name: "Tier" }).getByRole("checkbox", { name: /^Gold/ })).toBeChecked();
  await page.goForward();
  await expect(results(page)).toHaveCount(1);

  await card.getByRole("link", { name: "Order facts" }).click();
  await expect(page).toHaveURL(/\/products\/orders\.order_facts\.gold$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Order facts");
});

test("a shared search URL opens with its query, filters and sort; zero results suggest a way out", async ({ page }) => {
  await signIn(page, consumer().email, consumer().password);
  await page.goto("/marketplace?q=returns&tier=GOLD&sort=name");
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toHaveValue("returns");
  await expect(page.getByRole("group", { name: "Tier" }).getByRole("checkbox", { name: /^Gold/ })).toBeChecked();
  await expect(page.getByLabel("Sort by")).toHaveValue("name");
  await expect(page.getByRole("list", { name: "Data products" })).toContainText("orders.returns.gold");

  await page.goto("/marketplace?q=zebra+quasar&tier=BRONZE");
  await expect(page.getByText("No data products match")).toBeVisible();
  const suggestions = page.getByRole("list", { name: "Suggestions" });
  await expect(suggestions.getByRole("link", { name: /without filters/ })).toBeVisible();
  await suggestions.getByRole("link", { name: /fewer words/ }).click();
  await expect(page).toHaveURL(/q=zebra(&|$)/);
  await expectAccessible(page);

  // Hostile input is just text: no error page.
  await page.goto(`/marketplace?q=${encodeURIComponent("\"'<script>alert(1)</script> OR -- :* &")}`);
  await expect(page.getByRole("heading", { name: "Marketplace", level: 1 })).toBeVisible();
});

test("the keyboard works throughout: facets with Space, the Ctrl-K palette with arrows, Enter and Escape", async ({ page }) => {
  await signIn(page, consumer().email, consumer().password);
  await page.goto("/marketplace");

  const gold = page.getByRole("group", { name: "Tier" }).getByRole("checkbox", { name: /^Gold/ });
  await gold.focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/tier=GOLD/);
  await expect(gold).toBeFocused();

  // Palette: opens on Ctrl-K, Escape closes it and gives focus back.
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Jump to a product or domain" });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole("combobox", { name: "Jump to a product or domain" });
  await expect(box).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(gold).toBeFocused();

  await page.keyboard.press("Control+k");
  await box.fill("custmer profil");
  const options = dialog.getByRole("listbox", { name: "Matches" }).getByRole("option");
  await expect(options.first()).toContainText(/Customer profile/i);
  await expectAccessible(page);
  await page.keyboard.press("Tab"); // focus stays in the dialog
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await box.focus();
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowUp");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products\/customer\.customer_profile\./);

  // A domain is one jump away too.
  await page.keyboard.press("Control+k");
  await dialog.getByRole("combobox").fill("payme");
  await dialog.getByRole("option", { name: /Payments.*Domain/ }).click();
  await expect(page).toHaveURL(/\/domains\/payments$/);
});
