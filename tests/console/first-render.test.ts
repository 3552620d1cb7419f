import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { type ConsoleServer, startConsoleServer } from "../support/console-server.js";

/**
 * Issue 18's budgets, measured and reported: first render at most 1 s on the embedded default
 * (not asserted: a timing on a shared machine), and at most 150 KiB of gzipped JavaScript for the
 * whole console (asserted: a size does not depend on the machine).
 */

const loads = 10;
/** Set by console/src/pages/collections.tsx once its first rows are painted. */
const firstRowsMark = "docstack:first-collection-rows";
/** Where console/src/session.ts keeps the session; `{ key: null }` is signed in without a key. */
const sessionStorageKey = "docstack.console.session";
const jsBudgetBytes = 150 * 1024;
const artifacts = join(import.meta.dirname, "../../test-artifacts");

let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchChromium();
  await server.stack.createCollection(`first-render-${crypto.randomUUID().slice(0, 8)}`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Load {
  /** first-contentful-paint, ms from the start of navigation. */
  fcpMs: number;
  /** The collections page's first rows painted, ms from the start of navigation. */
  firstRowsMs: number;
}

/** Median and 95th percentile (nearest rank: with 10 loads, the slowest), to the tenth of a ms. */
function summarise(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (i: number) => sorted[Math.min(sorted.length - 1, Math.max(0, i))] ?? Number.NaN;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 0 ? (at(mid - 1) + at(mid)) / 2 : at(Math.floor(mid));
  const round = (n: number) => Math.round(n * 10) / 10;
  return { median: round(median), p95: round(at(Math.ceil(0.95 * sorted.length) - 1)) };
}

describe("console first render on the embedded default", () => {
  it(`measures first paint and the first collection rows over ${loads} cold loads, and the JavaScript size`, async () => {
    const measured: Load[] = [];
    for (let i = 0; i < loads; i++) {
      // A new context each time: an empty cache, a new session, nothing warm in the browser.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
        sessionStorageKey,
        JSON.stringify({ key: null }),
      ] as const);
      const page = await context.newPage();
      await page.goto(`${server.served.url}/console/#/collections`);
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, firstRowsMark);
      const load = await page.evaluate(
        (mark): Load => ({
          fcpMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
          firstRowsMs: performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN,
        }),
        firstRowsMark,
      );
      expect(await page.getByRole("rowheader").count()).toBeGreaterThan(0);
      measured.push(load);
      await context.close();
    }
    for (const load of measured) {
      expect(load.fcpMs).toBeGreaterThan(0);
      expect(load.firstRowsMs).toBeGreaterThanOrEqual(load.fcpMs);
    }

    const scripts = readdirSync(join(server.consoleDir, "assets")).filter((name) => name.endsWith(".js"));
    const bytes = scripts.map((name) => readFileSync(join(server.consoleDir, "assets", name)));
    const javascript = {
      files: scripts.length,
      bytes: bytes.reduce((sum, b) => sum + b.byteLength, 0),
      gzipBytes: bytes.reduce((sum, b) => sum + gzipSync(b).byteLength, 0),
      budgetGzipBytes: jsBudgetBytes,
    };

    const report = {
      loads: measured.length,
      viewport: "1280x800",
      firstContentfulPaintMs: summarise(measured.map((l) => l.fcpMs)),
      firstCollectionRowsMs: summarise(measured.map((l) => l.firstRowsMs)),
      budgetMs: 1000,
      javascript,
      runs: measured,
    };
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, "console-first-render.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.info(
      `console first render over ${report.loads} cold loads (budget ${report.budgetMs} ms, reported): ` +
        `first-contentful-paint median ${report.firstContentfulPaintMs.median} ms, p95 ${report.firstContentfulPaintMs.p95} ms; ` +
        `first collection rows median ${report.firstCollectionRowsMs.median} ms, p95 ${report.firstCollectionRowsMs.p95} ms\n` +
        `console JavaScript: ${javascript.files} file(s), ${(javascript.bytes / 1024).toFixed(1)} KiB, ` +
        `${(javascript.gzipBytes / 1024).toFixed(1)} KiB gzip (budget ${jsBudgetBytes / 1024} KiB)`,
    );
    expect(javascript.files).toBeGreaterThan(0);
    expect(javascript.gzipBytes).toBeLessThanOrEqual(jsBudgetBytes);
  });
});
