import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleCsp } from "../../functions/serve-console.js";
import { repoRoot } from "../../infra/local/stack.js";
import { launchChromium, watchPage } from "../support/chromium.js";
import { createCollection, makeKey, state } from "./stack-client.js";

const artifacts = join(repoRoot, "test-artifacts");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe("the console at /console/ through Nginx", () => {
  it("is served with its Content-Security-Policy, signs in with a key and lists the key's collection, all on Nginx's origin", async () => {
    const name = `console-${crypto.randomUUID().slice(0, 8)}`;
    const collection = await createCollection(name);
    // A key for this collection alone: the console lists the first 100 collections, and the
    // stack's admin key may see more than that by the time this test runs.
    const key = await makeKey({ scopes: ["read"], collections: [collection] });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const seen = watchPage(page, state.nginx);
    const response = await page.goto(`${state.nginx}/console/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toBe(consoleCsp);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    await page.getByLabel("API key").fill(key);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Collections" }).waitFor();
    await page.getByRole("rowheader", { name }).waitFor();
    expect(await page.getByRole("rowheader").count()).toBe(1);
    expect(page.url()).toBe(`${state.nginx}/console/#/collections`);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "console-stack-collections-1280.png"), fullPage: true });
    // Scripts, styles and API calls all from Nginx's origin, none refused by the CSP.
    expect(seen).toEqual({ external: [], failed: [], errors: [] });
    await page.close();
  });
});
