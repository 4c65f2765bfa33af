import { test, expect, type Page } from "@playwright/test";
import YAML from "yaml";
import { demoAccount, expectAccessible, signIn } from "./helpers";
import { validateOdcs } from "../lib/domain/odcs/validate";
import { fixturePath } from "../scripts/lib/shared-fixtures";

// Writes go to orders.daily_orders.gold only (the legacy product under a whole-product
// deprecation notice, so a new major is allowed); every other product here is only previewed.
const LEGACY = "orders.daily_orders.gold";
const FLAGSHIP = "orders.order_facts.gold";
const owner = demoAccount((a) => a.email === "orders-owner@tessera.demo");
const consumer = demoAccount((a) => a.email.startsWith("consumer"));
const admin = demoAccount((a) => a.isPlatformAdmin);

type Doc = { version: string; schema: { fields: { name: string }[] }; semantics: { fields?: Record<string, string> } };

/** The product's current contract (native YAML through the API), parsed. */
async function currentContract(page: Page, key: string): Promise<Doc> {
  const r = await page.request.get(`/api/v1/products/${key}/contracts/current`, { headers: { accept: "application/yaml" } });
  expect(r.status()).toBe(200);
  return YAML.parse(await r.text()) as Doc;
}

/** The current contract without its last field, numbered `version`. */
function withoutLastField(doc: Doc, version: string): { yaml: string; removed: string } {
  const d = structuredClone(doc);
  const removed = d.schema.fields.pop()!.name;
  for (const k of Object.keys(d.semantics.fields ?? {})) if (k === removed || k.startsWith(`${removed}.`)) delete d.semantics.fields![k];
  d.version = version;
  return { yaml: YAML.stringify(d), removed };
}

const editor = (page: Page) => page.getByLabel("Contract document (native YAML or JSON, or ODCS v3)");
const preview = (page: Page) => page.getByRole("region", { name: "Preview" });

test("an owner's field removal is refused as a minor, published as the next major, and a consumer reads the changelog", async ({ page, browser }) => {
  await signIn(page, owner.email, owner.password);
  const doc = await currentContract(page, LEGACY);
  const [major, minor] = doc.version.split(".").map(Number) as [number, number];
  const asMinor = withoutLastField(doc, `${major}.${minor + 1}.0`);
  const nextMajor = `${major + 1}.0.0`;

  await page.goto(`/products/${LEGACY}`);
  await page.getByRole("navigation", { name: "Product sections" }).getByRole("link", { name: "Publish a version" }).click();
  await expect(editor(page)).toBeVisible();
  await expectAccessible(page);

  // The removal declared as a minor: refused, with the change and the rule listed.
  await editor(page).fill(asMinor.yaml);
  await expect(preview(page).getByText(`Cannot publish ${asMinor.yaml.match(/version: (.*)/)![1]}`)).toBeVisible();
  const problems = preview(page).getByRole("region", { name: "Problems" });
  await expect(problems.getByRole("listitem").filter({ hasText: `MAJOR: Field ${asMinor.removed} removed.` })).toBeVisible();
  await expect(problems.getByText("version.semver-bump").first()).toBeVisible();
  await expect(problems).toContainText(`Publish it as ${nextMajor}`);
  await expect(page.getByRole("button", { name: /^Publish/ })).toBeDisabled();
  await expectAccessible(page);

  // The same document as the next major: the product's deprecation notice covers its subscribers.
  await editor(page).fill(asMinor.yaml.replace(/^version: .*$/m, `version: ${nextMajor}`));
  await expect(preview(page).getByText(`Ready to publish ${nextMajor}`)).toBeVisible();
  await expect(preview(page).getByRole("list", { name: /Changes from/ })).toContainText(`Field ${asMinor.removed} removed.`);
  await page.getByRole("button", { name: `Publish ${nextMajor}` }).click();
  await expect(page).toHaveURL(new RegExp(`tab=versions&published=${nextMajor.replace(/\./g, "\\.")}`));
  await expect(page.getByRole("status").filter({ hasText: `Version ${nextMajor} is published.` })).toBeVisible();

  // A consumer (another team) reads the changelog and cannot publish.
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signIn(reader, consumer.email, consumer.password);
  await reader.goto(`/products/${LEGACY}`);
  const tabs = reader.getByRole("navigation", { name: "Product sections" });
  await expect(tabs.getByRole("link", { name: "Publish a version" })).toHaveCount(0);
  await tabs.getByRole("link", { name: /Versions/ }).click();
  const entry = reader.getByRole("article", { name: `Version ${nextMajor}` });
  await expect(entry).toContainText("Breaking changes (MAJOR)");
  await expect(entry).toContainText(`Field ${asMinor.removed} removed.`);
  await expect(entry).toContainText("current");
  await expectAccessible(reader);

  // Side by side with the previous version.
  await entry.getByRole("link", { name: `Compare with ${doc.version}` }).click();
  await expect(reader.getByRole("table", { name: `${doc.version} and ${nextMajor} side by side` })).toBeVisible();
  await expect(reader.getByRole("list", { name: `Changes from ${doc.version} to ${nextMajor}` })).toContainText(`Field ${asMinor.removed} removed.`);
  await expectAccessible(reader);
  await context.close();
});

test("a new major on a product whose subscribers have no deprecation notice is refused in the preview (nothing is written)", async ({ page }) => {
  await signIn(page, owner.email, owner.password);
  const doc = await currentContract(page, FLAGSHIP);
  const major = Number(doc.version.split(".")[0]);
  const removal = withoutLastField(doc, `${major + 1}.0.0`);
  await page.goto(`/products/${FLAGSHIP}?tab=publish`);
  await editor(page).fill(removal.yaml);
  const problems = preview(page).getByRole("region", { name: "Problems" });
  await expect(problems.getByText("major.deprecation-first")).toBeVisible();
  await expect(problems).toContainText(`resolve to ${major}.x and no deprecation notice covers`);
  await expect(page.getByRole("button", { name: /^Publish/ })).toBeDisabled();
  expect((await currentContract(page, FLAGSHIP)).version).toBe(doc.version);
});

test("an ODCS document imports in the editor with its mapping report, and versions export back to valid ODCS", async ({ page }) => {
  await signIn(page, owner.email, owner.password);
  await page.goto(`/products/orders.returns.bronze?tab=publish`);
  await page.getByLabel("Upload a file").setInputFiles(fixturePath("odcs", "examples", "full-example.odcs.yaml"));
  await expect(page.getByRole("status").filter({ hasText: "Loaded full-example.odcs.yaml." })).toBeVisible();
  await expect(preview(page).getByText("ODCS v3")).toBeVisible();
  await expect(preview(page).getByText(/ODCS mapping: \d+ parts not kept/)).toBeVisible();
  const schema = preview(page).getByRole("table", { name: "Schema" });
  await expect(schema.getByRole("cell", { name: "receiver_name" })).toBeVisible();
  await expect(schema.getByRole("cell", { name: "rcvr_cntry_code" })).toBeVisible();
  await expectAccessible(page);

  // The form edits native contracts: an ODCS document is converted first.
  await page.getByRole("button", { name: "Form", exact: true }).click();
  await page.getByRole("button", { name: "Convert to native YAML" }).click();
  await expect(page.getByLabel("Version", { exact: true })).toHaveValue("1.1.0");
  await expect(page.getByLabel("Name of field 2")).toHaveValue("receivers");
  await expectAccessible(page);

  const odcs = await page.request.get(`/api/v1/products/${FLAGSHIP}/contracts/current?format=odcs`);
  expect(odcs.headers()["content-type"]).toMatch(/application\/yaml/);
  expect(validateOdcs(YAML.parse(await odcs.text()))).toEqual({ ok: true });
});

test("the API refuses a consumer's publish, and only platform admins see the governance rules", async ({ page, browser }) => {
  await signIn(page, consumer.email, consumer.password);
  const base = new URL(page.url()).origin;
  const r = await page.request.post(`/api/v1/products/${LEGACY}/contracts?dryRun=true`, { headers: { "content-type": "application/yaml", origin: base }, data: "name: x\n" });
  expect(r.status()).toBe(403);
  expect((await r.json()).error.message).toContain("contract.publish");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Governance" })).toHaveCount(0);
  const denied = await page.goto("/governance");
  expect(denied?.status()).toBe(404);

  const context = await browser.newContext();
  const adminPage = await context.newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Governance" }).click();
  await expect(adminPage.getByRole("heading", { name: "Governance", level: 1 })).toBeVisible();
  await expect(adminPage.getByRole("row", { name: /Deprecate before a new major/ })).toContainText("major.deprecation-first");
  await expect(adminPage.getByRole("row", { name: /Operational/ })).toContainText("accuracy");
  await expectAccessible(adminPage);
  await context.close();
});
