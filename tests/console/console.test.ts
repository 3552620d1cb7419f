import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleCsp } from "../../functions/serve-console.js";
import type { Served } from "../../shared/http/serve-node.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium, watchPage } from "../support/chromium.js";
import { type ConsoleServer, startConsoleServer } from "../support/console-server.js";
import { type EmbeddedStack, uploadForm } from "../support/embedded-stack.js";

const run = promisify(execFile);
const artifacts = join(import.meta.dirname, "../../test-artifacts");
let server: ConsoleServer;
let stack: EmbeddedStack;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  server = await startConsoleServer();
  ({ stack, served } = server);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the console at /console/ on the embedded default", () => {
  it("signs in anonymously, creates a collection, and finds an uploaded passage with its location", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const seen = watchPage(page, served.url);

    const response = await page.goto(`${served.url}/console/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toBe(consoleCsp);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    await page.getByRole("button", { name: "Continue without a key" }).click();
    await page.getByRole("heading", { level: 1, name: "Collections" }).waitFor();

    const name = `console-${crypto.randomUUID().slice(0, 8)}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create collection" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Created ${name}` })
      .waitFor();
    await page.getByRole("rowheader", { name }).waitFor();

    // The document goes in through the API; the console has no upload page yet.
    const listed = await stack.json<{ items: { id: string; name: string }[] }>("/collections?limit=100");
    const collection = listed.body.items.find((c) => c.name === name);
    expect(collection).toBeDefined();
    const upload = await stack.json("/documents", {
      method: "POST",
      body: uploadForm(collection?.id ?? "", {
        name: "refunds.md",
        type: "text/markdown",
        bytes:
          "# Customer service\n\nGeneral matters.\n\n## Refund deadlines\n\n" +
          "A refund must be requested within thirty days of the delivery of the parcel.\n",
      }),
    });
    expect(upload.status).toBe(201);
    await stack.indexAll();

    await page.getByRole("link", { name: "Search" }).click();
    await page.getByRole("heading", { level: 1, name: "Search playground" }).waitFor();
    await page.getByLabel("Collection", { exact: true }).selectOption({ label: name });
    await page.getByLabel("Query", { exact: true }).fill("refund within thirty days");
    await page.getByLabel("Mode", { exact: true }).selectOption("keyword");
    await page.getByLabel("Results (top_k)").fill("3");
    await page.getByRole("button", { name: "Search", exact: true }).click();

    const first = page.locator(".result").first();
    await first.waitFor();
    expect(await first.locator(".doc").textContent()).toBe("refunds.md");
    expect(await first.locator(".passage").textContent()).toContain(
      "A refund must be requested within thirty days",
    );
    // The section path where the passage starts: this short file is one passage, from its first heading.
    expect(await first.locator(".where").textContent()).toBe("Customer service");
    // The words the query matched, as keyword search stems them ("refund" for "refund", "days" for "days").
    const marked = (await first.locator("mark").allTextContents()).map((m) => m.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(["refund", "thirty", "days"]));
    expect(marked).not.toContain("parcel");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByTestId("latency").textContent()).toMatch(
      /^1 result · keyword · server [\d.]+ ms · round trip \d+ ms$/,
    );

    // In hybrid mode each result says where each side ranked it.
    await page.getByLabel("Mode", { exact: true }).selectOption("hybrid");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => page.getByTestId("latency").textContent()).toMatch(/ · hybrid · /);
    expect(await page.getByTestId("ranks").first().textContent()).toMatch(
      /^keyword #1 · vector (#\d+|not found)$/,
    );
    await page.getByLabel("Mode", { exact: true }).selectOption("keyword");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => page.getByTestId("latency").textContent()).toMatch(/ · keyword · /);

    // "Request as curl" is the same request: run in a shell, it finds the same passage.
    await page.getByText("Request as curl").click();
    const command = (await page.getByTestId("curl").textContent()) ?? "";
    expect(command).not.toContain("authorization");
    // Asynchronously: the server answering curl runs in this same process.
    const viaCurl = JSON.parse((await run("sh", ["-c", command], { encoding: "utf8" })).stdout) as {
      results: { filename: string; text: string }[];
    };
    expect(viaCurl.results[0]?.filename).toBe("refunds.md");

    // A filter that no document meets leaves no results; the metadata filter is checked before sending.
    await page.getByText("Filters", { exact: true }).click();
    await page.getByLabel("File name (exact)").fill("other.md");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => page.getByTestId("latency").textContent()).toMatch(/^0 results · keyword/);
    await page.getByLabel("File name (exact)").fill("refunds.md");
    await page.getByLabel("Metadata").fill("no equals sign");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Metadata filter: Line 1: write key = value");
    await page.getByLabel("Metadata").fill("");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => page.getByTestId("latency").textContent()).toMatch(/^1 result · keyword/);

    // The key (none here) lives in session storage, never in the address.
    expect(page.url()).toBe(`${served.url}/console/#/search`);
    expect(await page.evaluate(() => sessionStorage.getItem("docstack.console.session"))).toBe(
      JSON.stringify({ key: null }),
    );

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "console-search-results-375.png"), fullPage: true });
    expect(seen.external).toEqual([]);
    expect(seen.failed).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it("refuses a wrong API key at sign-in with the server's problem and stays on the sign-in page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${served.url}/console/`);
    await page.getByLabel("API key").fill("dsk_not-a-real-key");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("401");
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.close();
  });
});
