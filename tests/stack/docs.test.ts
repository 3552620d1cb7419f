import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../infra/local/stack.js";
import { functionNames } from "../../shared/http/route-table.js";
import { launchChromium } from "../support/chromium.js";
import { state } from "./stack-client.js";

const artifacts = join(repoRoot, "test-artifacts");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe("API reference page at /docs through Nginx", () => {
  it("loads offline, lists the five functions' operations, and tries GET /health", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    const external: string[] = [];
    const failed: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(state.nginx)) external.push(r.url());
    });
    page.on("requestfailed", (r) => failed.push(r.url()));
    await page.goto(`${state.nginx}/docs/`, { waitUntil: "networkidle" });

    await page.waitForSelector(".opblock-tag", { timeout: 30_000 });
    const tags = await page.$$eval(".opblock-tag", (els) => els.map((e) => e.getAttribute("data-tag")));
    expect(new Set(tags)).toEqual(new Set(functionNames));
    const operations = await page.$$eval(".opblock", (els) => els.length);
    expect(operations).toBeGreaterThanOrEqual(16);

    const liveness = page.locator("#operations-health-getLiveness");
    await liveness.locator(".opblock-summary").click();
    await liveness.locator(".try-out__btn").click();
    await liveness.locator(".execute").click();
    const status = liveness.locator(".live-responses-table .response .response-col_status").first();
    await status.waitFor({ timeout: 15_000 });
    expect((await status.textContent())?.trim()).toBe("200");
    expect(
      await liveness
        .locator(".live-responses-table .response .response-col_description")
        .first()
        .textContent(),
    ).toContain('"ok"');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "docs.png"), fullPage: false });
    expect(external).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
