// The session and the supply plan's page as a seller uses them: signing out and in as another organization in the
// same tab shows none of the first one's data (both at the same data version); the supply plan's search keeps what
// is typed while a load is pending, says when nothing matches, and on a phone the next page starts at the list's top.
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { createDatabase } from "../../db/client";
import { DEMO_LOGIN } from "../../dev/demo-seed";
import { createDemoOrganization } from "../../worker/auth/demo-organization";
import type { ApiSession } from "./api";
import { DESKTOP, PHONE, settled, visit } from "./pages";

/** One e2e step (the shape of scenarios.ts's Scenario). */
interface Scenario {
  name: string;
  run(page: Page, context: { baseUrl: string; dbPort: number; api: ApiSession }): Promise<void>;
}

const OTHER = { email: "other@tenant.test", password: "other-password-123" };
const PAGES = ["/", "/inventory", "/recommendations", "/analytics", "/warehouses", "/supply-plan"];

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('[data-testid="sign-in"]');
  await page.waitForSelector('[data-testid="sign-out"]');
}

const mainText = (page: Page) =>
  page.evaluate(() => (document.querySelector("main") ?? document.body).innerText);

export const sessionScenarios: Scenario[] = [
  {
    name: "the supply plan's search keeps what is typed while a load is pending, says when nothing matches, and paging on a phone starts at the list's top",
    async run(page) {
      await visit(page, "/supply-plan");
      // Every plan request held back a while: typing goes on while the marketplace's load is pending.
      await page.route("**/api/supply-plan?**", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue().catch(() => undefined);
      });
      const box = page.locator('[data-testid="supply-search"]');
      assert.equal(await box.getAttribute("maxlength"), "200", "the box stops at the API's 200 characters");
      await page.selectOption(".toolbar select", "wb");
      await box.click();
      await page.keyboard.type("zzzz-nothing-такого", { delay: 120 });
      assert.equal(
        await box.inputValue(),
        "zzzz-nothing-такого",
        "the text typed, while the load was pending",
      );
      await settled(page);
      await page.waitForSelector('[data-state="empty"]');
      assert.equal(await box.inputValue(), "zzzz-nothing-такого", "the text typed, after the loads ended");
      const empty = await page.locator('[data-state="empty"]').innerText();
      assert.match(empty, /ничего не найдено по запросу «zzzz-nothing-такого»/, empty);
      await page.unroute("**/api/supply-plan?**");
      await box.fill("");
      await page.selectOption(".toolbar select", "");
      await page.waitForSelector('[data-testid="supply-totals"]');
      await settled(page);
      // A reload refused while a plan is shown: the refusal is said above the plan it left, not swallowed.
      await page.route("**/api/supply-plan?**", (route) =>
        route.fulfill({
          status: 400,
          contentType: "application/json",
          body: JSON.stringify({
            error: {
              code: "BAD_REQUEST",
              message: "search: too long",
              field: "search",
              reason: "too_big",
              params: { maximum: 200, origin: "string" },
            },
          }),
        }),
      );
      await box.fill("DM");
      await page.waitForSelector('[data-testid="supply-reload-error"] [role="alert"]');
      assert.ok(
        await page.locator('[data-testid="supply-totals"]').isVisible(),
        "the plan shown stays under it",
      );
      await page.unroute("**/api/supply-plan?**");
      await box.fill("");
      await page.waitForSelector('[data-testid="supply-reload-error"]', { state: "detached" });
      await settled(page);

      await page.setViewportSize(PHONE);
      try {
        const next = page.locator(".pager button", { hasText: "Вперёд" });
        if ((await next.count()) === 0) {
          console.log("    (the plan has one page: paging not checked)");
          return;
        }
        const head = await page.locator('[data-testid="supply-destination"] > p').first().innerText();
        assert.match(
          head,
          /на этой странице: /,
          `a subtotal of a plan over pages says it is the page's: ${head}`,
        );
        await next.scrollIntoViewIfNeeded();
        await next.click();
        await settled(page);
        const top = await page
          .locator('[data-testid="supply-totals"]')
          .evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(top >= 0 && top < 844, `the list's top is on screen after paging (its top at ${top} px)`);
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    },
  },
  {
    name: "signing out and in as another organization in the same tab (the same data version) shows none of the first one's data",
    async run(page, { dbPort, api }) {
      const db = createDatabase({
        url: `postgresql://local:local@127.0.0.1:${dbPort}/main`,
        httpEndpoint: `http://127.0.0.1:${dbPort}/sql`,
      });
      const other = await createDemoOrganization(db, {
        ...OTHER,
        organizationName: "Other tenant",
        slug: "other-tenant-e2e",
      });
      const demo = await api.get<{ organization: { id: string; dataVersion: number } }>("/api/auth/me");
      // The worst case: both at the same data version, so a cache keyed by the version alone asks nothing.
      await db.execute(
        sql`update organizations set data_version = ${demo.organization.dataVersion} where id = ${other.orgId}`,
      );
      const articles = (
        await api.get<{ items: Array<{ article: string }> }>("/api/inventory?pageSize=5&sort=article")
      ).items.map((line) => line.article);
      assert.ok(articles.length > 0, "the demo seller has products");
      for (const path of PAGES) await visit(page, path);
      await page.click('[data-testid="sign-out"]');
      await page.waitForURL(/\/signin/);
      await signInAs(page, OTHER.email, OTHER.password);
      try {
        for (const path of PAGES) {
          await visit(page, path);
          const text = await mainText(page);
          for (const article of articles)
            assert.ok(
              !text.includes(article),
              `${path} shows the demo seller's ${article}: ${text.slice(0, 300)}`,
            );
          assert.ok(!/Ozon demo|WB demo|Wildberries demo/.test(text), `${path} names the demo's accounts`);
        }
        // An organization without accounts: its supply plan says there is no data yet.
        const empty = await page.locator('[data-state="empty"]').innerText();
        assert.match(empty, /Данных пока нет/, empty);
      } finally {
        await page.click('[data-testid="sign-out"]');
        await page.waitForURL(/\/signin/);
        await signInAs(page, DEMO_LOGIN.email, DEMO_LOGIN.password);
      }
    },
  },
];
