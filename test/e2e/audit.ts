// Checks a rendered dashboard page the way issue 18 asks: axe-core's critical and serious accessibility
// violations, text cut by its box, and anything wider than the viewport. Each answers a list of
// readable problems (empty when the page passes), so a failure names the element and the rule.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(...)`, which exists in Node, not in the page:
 * a callback handed to page.evaluate that declares one needs this no-op in the page first.
 */
async function allowNamedFunctions(page: Page): Promise<void> {
  await page.evaluate("globalThis.__name ??= (fn) => fn");
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations of impact critical or serious, one line per rule with up to three targets. */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the page's CSP.
  await allowNamedFunctions(page);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeResult = {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
    };
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
      .map(
        (violation) =>
          `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes
            .slice(0, 3)
            .map(
              (node) =>
                `${node.target.join(" ")} ${node.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`,
            )
            .join(" | ")}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ""}`,
      );
  });
}

/**
 * Text whose box is narrower than the text (scrollWidth > clientWidth), anywhere; elements reaching past the
 * viewport's right edge, and a page wider than the viewport. Inside an intentional horizontal scroll
 * region (a table's region, the virtual list) content may reach past the region; with `regionsFit` (a
 * desktop, or a phone page whose tables become cards) such a region must not need to scroll either.
 */
export async function clippingProblems(page: Page, options: { regionsFit: boolean }): Promise<string[]> {
  await allowNamedFunctions(page);
  return page.evaluate(({ regionsFit }) => {
    const SCROLL_REGIONS = ".table-wrap, .vlist";
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const describe = (element: Element) => {
      const id = element.getAttribute("data-testid");
      const classes = element.getAttribute("class");
      const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `<${element.tagName.toLowerCase()}${id ? ` data-testid=${id}` : ""}${classes ? ` class="${classes}"` : ""}> "${text}"`;
    };
    if (document.documentElement.scrollWidth > viewport) {
      problems.push(
        `the page is ${document.documentElement.scrollWidth} px wide in a ${viewport} px viewport`,
      );
    }
    for (const element of Array.from(document.querySelectorAll("body *"))) {
      if (!(element instanceof HTMLElement)) continue;
      // The phone's closed navigation drawer sits off-screen on purpose.
      if (element.closest(".nav:not(.nav-open)") && viewport <= 720) continue;
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const inRegion = element.parentElement?.closest(SCROLL_REGIONS) !== null;
      if (element.matches(SCROLL_REGIONS)) {
        if (regionsFit && element.scrollWidth > element.clientWidth + 1) {
          problems.push(`scrolls sideways at ${viewport} px: ${describe(element)}`);
        }
        continue;
      }
      const ownText = Array.from(element.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "",
      );
      // Text cut by its own box is cut wherever it is, inside a table's scroll region too.
      if (ownText && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
        problems.push(`text cut (${element.scrollWidth} > ${element.clientWidth} px): ${describe(element)}`);
      }
      // A select shows its chosen option in its own box, which scrollWidth does not see: measure the text.
      if (element instanceof HTMLSelectElement && element.clientWidth > 0) {
        const chosen = element.selectedOptions[0]?.text ?? "";
        const context = document.createElement("canvas").getContext("2d");
        if (context) {
          context.font = style.font;
          const room =
            element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16; // the arrow
          const width = Math.ceil(context.measureText(chosen).width);
          if (width > room)
            problems.push(`choice cut (${width} > ${room} px): <select name=${element.name}> "${chosen}"`);
        }
      }
      if (inRegion) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > viewport + 1) {
        problems.push(
          `past the right edge (${Math.round(box.right)} > ${viewport} px): ${describe(element)}`,
        );
      }
    }
    return problems;
  }, options);
}

/**
 * Checkboxes and radio buttons out of line with their label: the box's vertical centre more than 3 px from the
 * centre of the label's first line of text (a box as tall as a text field stood above the words on a phone).
 */
export async function checkboxAlignmentProblems(page: Page): Promise<string[]> {
  await allowNamedFunctions(page);
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const box of Array.from(
      document.querySelectorAll<HTMLInputElement>('label input[type="checkbox"], label input[type="radio"]'),
    )) {
      const rect = box.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const label = box.closest("label") as HTMLLabelElement;
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      let line: DOMRect | undefined;
      for (let node = walker.nextNode(); node && !line; node = walker.nextNode()) {
        if ((node.textContent ?? "").trim() === "") continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        line = Array.from(range.getClientRects()).find((r) => r.width > 0);
      }
      if (!line) continue;
      const offset = rect.top + rect.height / 2 - (line.top + line.height / 2);
      if (Math.abs(offset) > 3) {
        const text = (label.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
        problems.push(`checkbox ${Math.round(offset)} px off its label's line: "${text}"`);
      }
    }
    return problems;
  });
}
