// End-to-end run (`tsx test/e2e/run.ts`): starts `npm run dev` on free ports, drives Debian's Chromium
// through the scenarios, saves screenshots to test-results/screens, stops everything, and exits
// non-zero when a scenario fails. The last line reads "N passed, M failed".
import { mkdirSync, rmSync } from "node:fs";
import { ApiSession, waitForFirstSync } from "./api";
import { launchBrowser } from "./browser";
import { SIZE_SCALE, startDevServer } from "./dev-server";
import { screenshot } from "./pages";
import { DEMO_EMAIL, DEMO_PASSWORD, scenarios } from "./scenarios";

async function main(): Promise<number> {
  rmSync("test-results/screens", { recursive: true, force: true });
  mkdirSync("test-results", { recursive: true });
  // One name substring, or several separated by "|": the scenarios whose names contain any of them.
  const only = process.argv[2]?.split("|");
  console.log("Starting npm run dev (log: test-results/e2e-dev.log)…");
  const dev = await startDevServer("test-results/e2e-dev.log");
  let passed = 0;
  let failed = 0;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    console.log(`Dev server on ${dev.url}, simulator on ${dev.simUrl}`);
    const api = new ApiSession(dev.url);
    await api.signIn(DEMO_EMAIL, DEMO_PASSWORD);
    const syncStarted = Date.now();
    // A bigger demo seller (E2E_SIZE) gets proportionally longer for its first sync.
    const firstRuns = await waitForFirstSync(api, 2, 600_000 * SIZE_SCALE);
    console.log(
      `First sync finished (${((Date.now() - syncStarted) / 1000).toFixed(1)} s after the Worker answered): ${firstRuns
        .map((run) => `${run.account} ${run.kind} ${run.status}`)
        .join(", ")}`,
    );
    browser = await launchBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(60_000);
    const consoleErrors: string[] = [];
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    // Anything the Content-Security-Policy blocks: Chromium's own console report and the page's
    // securitypolicyviolation event (an init script, which the CSP does not govern, relays it).
    const cspViolations: string[] = [];
    await browser.context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
      });
    });
    page.on("console", (message) => {
      if (/CSP violation|Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(dev.url);
    let stopRest = false;
    for (const [index, scenario] of scenarios.entries()) {
      if (only && !only.some((part) => scenario.name.includes(part)) && index > 0) continue;
      if (stopRest) {
        console.log(`- skipped: ${scenario.name}`);
        failed++;
        continue;
      }
      const started = Date.now();
      try {
        await scenario.run(page, { baseUrl: dev.url, simUrl: dev.simUrl, dbPort: dev.dbPort, api });
        passed++;
        console.log(`✓ ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        console.log(`✗ ${scenario.name}\n    ${error instanceof Error ? error.message : String(error)}`);
        await screenshot(page, `failure-${index + 1}`).catch(() => undefined);
        // Without a session nothing after sign-in can run.
        if (index === 0) stopRest = true;
      }
    }
    if (consoleErrors.length > 0) {
      failed++;
      console.log(`✗ no uncaught errors in the page\n    ${consoleErrors.slice(0, 5).join("\n    ")}`);
    } else {
      passed++;
      console.log("✓ no uncaught errors in the page");
    }
    if (cspViolations.length > 0) {
      failed++;
      console.log(
        `✗ no CSP violations in the dashboard or /api/docs\n    ${cspViolations.slice(0, 5).join("\n    ")}`,
      );
    } else {
      passed++;
      console.log("✓ no CSP violations in the dashboard or /api/docs");
    }
  } catch (error) {
    failed++;
    console.log(`✗ setup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await dev.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
