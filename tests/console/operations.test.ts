import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { acquireBackupLock } from "../../shared/backups/backup-lock.js";
import type { Served } from "../../shared/http/serve-node.js";
import { launchChromium } from "../support/chromium.js";
import { type ConsoleServer, signIn as signInAs, startConsoleServer } from "../support/console-server.js";
import { type EmbeddedStack, uploadText } from "../support/embedded-stack.js";

// The operations and analytics pages in a real browser, against the embedded default. The last
// test creates API keys, which ends anonymous access to this file's database: it stays last.

const artifacts = join(import.meta.dirname, "../../test-artifacts");
let server: ConsoleServer;
let stack: EmbeddedStack;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  // A low privacy threshold, so that a few queries make a visible group and one stays hidden.
  server = await startConsoleServer({ ANALYTICS_MIN_COUNT: "2" });
  ({ stack, served } = server);
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Requests to other origins and what the browser complained about (a CSP refusal is one). */
function watch(page: Page) {
  const seen = { external: [] as string[], errors: [] as string[] };
  page.on("request", (r) => {
    if (!r.url().startsWith(served.url)) seen.external.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  return seen;
}

const signIn = (page: Page, key?: string) => signInAs(page, served.url, key);

async function openOperations(page: Page) {
  await page.getByRole("link", { name: "Operations" }).click();
  await page.getByRole("heading", { level: 1, name: "Operations" }).waitFor();
  await page.getByTestId("backups").waitFor();
}

interface Readiness {
  status: string;
  checks?: Record<string, { status: string; adapter: string }>;
}
interface IndexStatus {
  counts: { pending: number; indexing: number; indexed: number; failed: number };
}
interface BackupStatus {
  components: { component: string; status: string; latest_backup_id: string | null }[];
}

describe("operations page", () => {
  it("shows every dependency /health/ready reports, the index queue and each store's backups; Back up now runs one", async () => {
    const collection = await stack.createCollection(`ops-${crypto.randomUUID().slice(0, 8)}`);
    await uploadText(stack, collection, "indexed.md", "# Indexed\n\nA document that is indexed.\n");
    await stack.indexAll();
    await uploadText(stack, collection, "waiting.md", "# Waiting\n\nA document still in the queue.\n");

    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const seen = watch(page);
    await signIn(page);
    await openOperations(page);

    // The API's own answer decides which dependencies must be listed, not a list in this test.
    const ready = await stack.json<Readiness>("/health/ready");
    const dependencies = Object.keys(ready.body.checks ?? {});
    expect(dependencies.length).toBeGreaterThan(0);
    const rows = page.getByTestId("readiness").locator("tbody tr");
    expect((await rows.locator("th").allTextContents()).sort()).toEqual([...dependencies].sort());
    for (const name of dependencies) {
      const row = rows.filter({ has: page.getByRole("rowheader", { name, exact: true }) });
      expect(await row.locator("td").nth(2).textContent()).toBe(ready.body.checks?.[name]?.adapter);
      expect((await row.locator("td").first().textContent())?.trim()).toContain(
        ready.body.checks?.[name]?.status === "up" ? "up" : "down",
      );
    }
    const verdict = await page.getByTestId("readiness-verdict").textContent();
    if (ready.body.status === "ready") expect(verdict).toBe("Ready: every dependency answers.");
    else expect(verdict).toContain("Not ready");

    // The queue across collections, as GET /index/status counts it, and this collection's row.
    const index = await stack.json<IndexStatus>("/index/status");
    const figures = page.getByTestId("index-overall").locator("dl > div");
    const figure = async (label: string) =>
      Number(await figures.filter({ hasText: label }).locator("dd").textContent());
    expect(await figure("Pending")).toBe(index.body.counts.pending);
    expect(await figure("Indexed")).toBe(index.body.counts.indexed);
    expect(await figure("Failed")).toBe(index.body.counts.failed);
    expect(index.body.counts.pending).toBeGreaterThanOrEqual(1);
    const mine = page
      .getByTestId("index-collections")
      .locator("tbody tr")
      .filter({ has: page.getByRole("rowheader", { name: /^ops-/ }) });
    expect(await mine.locator("td").allTextContents()).toEqual(["1", "0", "0"]);

    // One row per store GET /backups/status reports; none backed up yet.
    const before = await stack.json<BackupStatus>("/backups/status");
    const stores = before.body.components.map((c) => c.component);
    const backupRows = page.getByTestId("backups").locator("tbody tr");
    expect(await backupRows.locator("th").allTextContents()).toEqual(stores);
    expect(await page.getByTestId("backups-verdict").textContent()).toContain("Never backed up");
    await page.screenshot({
      path: join(artifacts, "console-operations-before-backup-375.png"),
      fullPage: true,
    });

    // While another backup holds the lock the server refuses (409), and the page shows its problem.
    const release = await acquireBackupLock(join(stack.dataDir, "backups"));
    await page.getByRole("button", { name: "Back up now" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toMatch(/already running.*\(409, request /);
    await release();

    await page.getByRole("button", { name: "Back up now" }).click();
    await page.getByTestId("backup-progress").filter({ hasText: "is running" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await page
      .getByTestId("backup-progress")
      .filter({ hasText: "is complete and verified" })
      .waitFor({ timeout: 90_000 });
    const after = await stack.json<BackupStatus>("/backups/status");
    const backupId = after.body.components[0]?.latest_backup_id;
    expect(backupId).toBeTruthy();
    expect(
      after.body.components.every((c) => c.status === "healthy" && c.latest_backup_id === backupId),
    ).toBe(true);
    expect(await page.getByTestId("backup-progress").textContent()).toContain(String(backupId));
    // The table follows without a reload: every store fresh, with that backup's id.
    await page.getByTestId("backups-verdict").filter({ hasText: "Every store has a fresh" }).waitFor();
    for (const store of stores) {
      const row = backupRows.filter({ has: page.getByRole("rowheader", { name: store, exact: true }) });
      expect(await row.locator("td").first().textContent()).toContain("fresh");
      expect(await row.locator("td").nth(1).textContent()).toContain(String(backupId));
    }

    await page.screenshot({ path: join(artifacts, "console-operations-375.png"), fullPage: true });
    expect(seen.external).toEqual([]);
    // The browser logs the refused request made on purpose above; nothing else.
    expect(seen.errors).toEqual([expect.stringContaining("status of 409 (Conflict)")]);
    await page.close();
  });

  it("asks again every 10 s while visible, not while hidden, and never after leaving the page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.clock.install();
    const asked: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/health/ready") asked.push(r.url());
    });
    const settled = () => page.locator('.toolbar p[aria-busy="false"]').waitFor();
    await signIn(page);
    await openOperations(page);
    await settled();
    // From here the page's time moves only when the test moves it.
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 500));
    await settled();
    const first = asked.length;
    expect(first).toBeGreaterThanOrEqual(1);

    await page.clock.runFor(10_000);
    await expect.poll(() => asked.length).toBe(first + 1);
    await settled();

    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await page.clock.runFor(30_000);
    expect(asked).toHaveLength(first + 1);
    // Back in view: asked at once.
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await expect.poll(() => asked.length).toBe(first + 2);
    await settled();

    await page.getByRole("link", { name: "Collections" }).click();
    await page.getByRole("heading", { level: 1, name: "Collections" }).waitFor();
    await page.clock.runFor(60_000);
    await page.getByRole("heading", { level: 1, name: "Collections" }).waitFor();
    expect(asked).toHaveLength(first + 2);
    await page.close();
  });
});

interface Retrieval {
  queries: number;
  zero_results: number;
}
interface QueryGroups {
  hidden_groups: number;
  unanswered: { text: string | null; queries: number }[];
}

describe("analytics page", () => {
  it("charts the queries made through the API, with the totals GET /analytics/retrieval gives and the threshold said plainly", async () => {
    const name = `analytics-${crypto.randomUUID().slice(0, 8)}`;
    const created = await stack.json<{ id: string }>("/collections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, analytics_text: "full" }),
    });
    expect(created.status).toBe(201);
    const collection = created.body.id;
    await uploadText(
      stack,
      collection,
      "harbour.md",
      "# Harbour\n\nThe harbour dredging report: silt rose in the east basin.\n",
    );
    await stack.indexAll();
    const ask = async (query: string) => {
      const r = await stack.json("/query", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ collection_id: collection, query, mode: "keyword" }),
      });
      expect(r.status).toBe(200);
    };
    for (const q of ["harbour dredging", "harbour dredging", "silt east basin"]) await ask(q);
    for (const q of ["volcanic ash permits", "Volcanic  ash permits", "volcanic ash permits"]) await ask(q);
    await ask("unicorn stables");
    await stack.deps.analytics.flush();

    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const seen = watch(page);
    await signIn(page);
    await page.getByRole("link", { name: "Analytics" }).click();
    await page.getByRole("heading", { level: 1, name: "Analytics" }).waitFor();
    await page.getByLabel("Collection", { exact: true }).selectOption({ label: name });
    await page.getByLabel("Time range").selectOption({ label: "Last 24 hours (per hour)" });
    await page.getByTestId("retrieval-queries").filter({ hasText: /^7$/ }).waitFor();

    // The page's totals are the API's, for the same collection and range.
    const range = `collection_id=${collection}&from=${new Date(Date.now() - 86_400_000).toISOString()}`;
    const retrieval = await stack.json<Retrieval>(`/analytics/retrieval?${range}`);
    expect(retrieval.body.queries).toBe(7);
    expect(await page.getByTestId("retrieval-queries").textContent()).toBe(String(retrieval.body.queries));
    expect(await page.getByTestId("retrieval-zero").textContent()).toMatch(
      new RegExp(`^${retrieval.body.zero_results} \\(`),
    );

    // The chart is drawn: bars in the queries colour on its canvas, and its text alternative adds up.
    const chart = page.getByTestId("queries-chart");
    await chart.locator("canvas").waitFor();
    const barPixels = await chart.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext("2d");
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      // --accent, #0b5cad: the bars' outline.
      for (let i = 0; i < data.length; i += 4)
        if (
          Math.abs((data[i] ?? 0) - 11) < 24 &&
          Math.abs((data[i + 1] ?? 0) - 92) < 24 &&
          Math.abs((data[i + 2] ?? 0) - 173) < 24
        )
          count++;
      return count;
    });
    expect(barPixels).toBeGreaterThan(0);
    expect(await page.getByTestId("chart-summary").textContent()).toMatch(/^7 queries in 2[45] hours;/);
    await page.getByText("The chart's figures").click();
    const perHour = await page
      .getByTestId("chart-table")
      .locator("tbody tr td:first-of-type")
      .allTextContents();
    expect(perHour.map(Number).reduce((a, b) => a + b, 0)).toBe(retrieval.body.queries);

    // Zero-result questions asked at least twice are listed; the one asked once is withheld, and the page says so.
    const groups = await stack.json<QueryGroups>(`/analytics/queries?${range}`);
    expect(groups.body.hidden_groups).toBe(2);
    const unanswered = page.getByTestId("zero-result-queries").locator("tbody tr");
    expect(await unanswered.count()).toBe(groups.body.unanswered.length);
    expect(await unanswered.first().locator("th").textContent()).toBe(groups.body.unanswered[0]?.text);
    expect(await unanswered.first().locator("td").textContent()).toBe("3");
    expect(await page.getByTestId("privacy-note").textContent()).toContain(
      "2 different questions were asked fewer times and are not shown.",
    );
    expect(await page.getByTestId("top-documents").locator("tbody th").allTextContents()).toEqual([
      "harbour.md",
    ]);

    await page.screenshot({ path: join(artifacts, "console-analytics-375.png"), fullPage: true });
    expect(seen.external).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe("a read-only key (creates keys: anonymous access ends here)", () => {
  it("sees the operations page without Back up now, and the API refuses POST /backups/run anyway", async () => {
    const { key } = await createApiKey(stack.deps.db, { name: "console-reader", scopes: ["read"] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const seen = watch(page);
    await signIn(page, key);
    await openOperations(page);
    await page.getByTestId("readiness").waitFor();
    expect(await page.getByRole("button", { name: "Back up now" }).count()).toBe(0);
    await page.getByRole("button", { name: "Refresh" }).waitFor();

    const refused = await stack.json<{ status: number; requestId: string }>("/backups/run", {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.requestId).toBeTruthy();
    await page.screenshot({ path: join(artifacts, "console-operations-read-only-1280.png"), fullPage: true });
    expect(seen.external).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
