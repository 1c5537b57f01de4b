// Helpers that drive the dashboard like a user: open a page through the app's own router, wait until
// nothing on it is loading, switch the language, take screenshots, read the API with the page's session.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

export const SCREENS_DIR = "test-results/screens";
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Every page of the dashboard's navigation: the audits, screenshots and language checks visit each one. */
export const DASHBOARD_PAGES = [
  "/",
  "/inventory",
  "/analytics",
  "/recommendations",
  "/warehouses",
  "/sync",
  "/settings",
  "/supply-plan",
  "/alerts",
];

/** GET an API path with the page's session; asserts 200 and answers the parsed body. */
export async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(new URL(path, page.url()).href);
  assert.equal(response.status(), 200, `${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Navigates inside the single-page app (no reload), as a click on a link would. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    const anchor = document.createElement("a");
    anchor.href = to;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  }, path);
  await settled(page);
}

/** Waits until no skeleton or busy element is left and lazy chunks have rendered. */
export async function settled(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout });
  await page.waitForTimeout(150);
}

export async function currentLanguage(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

export async function setLanguage(page: Page, language: "ru" | "en"): Promise<void> {
  if ((await currentLanguage(page)) !== language) await page.click('[data-testid="language-toggle"]');
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
