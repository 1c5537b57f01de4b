// Scenarios of issue 18 for the Russian seller: no English word in the rendered text of any page in
// Russian, and the Russian inventory export opens in Excel as columns (UTF-8 BOM, ";" separators).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { setLanguage, settled, visit } from "./pages";

/**
 * Latin words allowed on a Russian page: the product's and marketplaces' names, and seller data of the
 * demo world: the organization ("Demo seller"), the accounts ("Ozon demo") and the catalogue's brands in
 * product names. Tokens with digits, dots, slashes, "@" or "_" (articles, emails, adapter ids) and
 * all-capital tokens (SKU, API, CSV, ABC, sizes like XL) are technical and not words; a vendor's or our own
 * enum code (GRADES_CRITICAL, STOCK_JUMP) is not: it should have been said in Russian.
 */
const ALLOWED = new Set([
  ...["MI", "Core", "Edge", "Ozon", "Wildberries", "nmId"],
  // The messenger alerts go to (its name, as Russian sellers write it).
  "Telegram",
  // Ozon's own label in its Russian seller cabinet ("Client ID").
  "Client",
  ...["Demo", "seller", "demo"],
  ...["Nordika", "PROsport", "UrbanFox", "TechNest"],
]);

/** The English-looking words of a page's text, each once. */
export function englishWords(text: string): string[] {
  const found = new Set<string>();
  for (const token of text.split(/\s+/)) {
    // An enum code shown raw (GRADES_CRITICAL, STOCK_JUMP) is untranslated text, not a technical token.
    const code = token.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, "");
    if (/^[A-Z]+(_[A-Z]+)+$/.test(code)) {
      found.add(code);
      continue;
    }
    if (/[\d@/._]/.test(token)) continue;
    for (const word of token.match(/[A-Za-z]+/g) ?? []) {
      if (word.length < 2 || word === word.toUpperCase() || ALLOWED.has(word)) continue;
      found.add(word);
    }
  }
  return [...found];
}

/** Splits one CSV line of the Russian dialect, honouring quoted fields. */
function cells(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ";" && !quoted) {
      out.push(field);
      field = "";
    } else field += char;
  }
  out.push(field);
  return out;
}

const RU_HEADERS = [
  "ID товара",
  "Артикул",
  "Товар",
  "Категория",
  "Статус",
  "Доступно",
  "Резерв",
  "В пути",
  "Склады",
  "Продаж в день",
  "Дней запаса",
  "Закончится",
];

export const russianScenarios = (paths: (page: Page, context: { simUrl: string }) => Promise<string[]>) => [
  {
    name: "no English words on any page in Russian",
    async run(page: Page, context: { simUrl: string }) {
      await setLanguage(page, "ru");
      const problems: string[] = [];
      for (const path of await paths(page, context)) {
        await visit(page, path);
        // What the seller typed or the vendor named (user and account names, a key's last characters) is
        // marked translate="no" in the page and is not the interface's text.
        const text = await page.evaluate(() => {
          const copy = document.body.cloneNode(true) as HTMLElement;
          for (const data of Array.from(copy.querySelectorAll('[translate="no"]'))) data.remove();
          copy.style.position = "absolute";
          document.body.append(copy);
          const visible = copy.innerText;
          copy.remove();
          return visible;
        });
        const words = englishWords(text);
        if (words.length > 0) problems.push(`${path}: ${words.join(", ")}`);
      }
      assert.deepEqual(problems, [], "English words on Russian pages");
    },
  },
  {
    name: "the Russian inventory export opens as columns (BOM, ';', Russian headers)",
    async run(page: Page) {
      await setLanguage(page, "ru");
      await visit(page, "/inventory");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-testid="inventory-csv"]'),
      ]);
      const bytes = readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
      const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
      assert.deepEqual(cells(lines[0] ?? ""), RU_HEADERS);
      assert.ok(lines.length > 1, "the export lists products");
      for (const line of lines.slice(1)) {
        const row = cells(line);
        assert.equal(row.length, RU_HEADERS.length, `columns of ${line}`);
        assert.ok(["Критично", "Мало", "Норма", "Избыток"].includes(row[4] ?? ""), `status of ${line}`);
        assert.match(row[9] ?? "", /^\d+(,\d+)?$/, `sold per day of ${line}`);
      }
      await settled(page);
    },
  },
  {
    name: "the Russian supply plan export opens as columns, a destination and a quantity on every line",
    async run(page: Page) {
      await setLanguage(page, "ru");
      await visit(page, "/supply-plan");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-testid="supply-export"]'),
      ]);
      const bytes = readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
      const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
      const header = cells(lines[0] ?? "");
      assert.deepEqual(header.slice(0, 8), [
        "Маркетплейс",
        "Куда",
        "Кластер или склад",
        "Склады",
        "ID товара",
        "Артикул",
        "Товар",
        "Отгрузить (шт.)",
      ]);
      assert.ok(lines.length > 1, "the demo seller has something to ship");
      for (const line of lines.slice(1)) {
        const row = cells(line);
        assert.equal(row.length, header.length, `columns of ${line}`);
        assert.ok(["Кластер", "Склад"].includes(row[1] ?? ""), `destination kind of ${line}`);
        assert.ok((row[2] ?? "").length > 0, `destination of ${line}`);
        assert.match(row[7] ?? "", /^[1-9]\d*$/, `quantity of ${line}`);
      }
      // Every product the Recommendations tell to order now is shipped somewhere by the plan.
      const planned = new Set(lines.slice(1).map((line) => cells(line)[4]));
      const due: string[] = [];
      for (let number = 1; ; number++) {
        const response = await page.request.get(
          new URL(`/api/recommendations?onlyReorder=true&pageSize=500&page=${number}`, page.url()).href,
        );
        const items = ((await response.json()) as { items: Array<{ productId: number; article: string }> })
          .items;
        due.push(...items.filter((item) => !planned.has(String(item.productId))).map((item) => item.article));
        if (items.length < 500) break;
      }
      assert.deepEqual(due, [], "products to order now without a supply plan line");
      await settled(page);
    },
  },
];
