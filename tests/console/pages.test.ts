import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Route, routes } from "../../console/src/route.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium, type PageWatch, watchPage } from "../support/chromium.js";
import { type ConsoleServer, startConsoleServer } from "../support/console-server.js";
import { uploadText } from "../support/embedded-stack.js";

/**
 * Every page of the console, from its own route list, so a page added there is checked without
 * being named here: axe-core, layout shift on load and a full-page screenshot, at a desktop and a
 * phone width. Sign-in is visited signed out, every other page signed in (anonymously: the
 * embedded default has no keys).
 */

const viewports = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
] as const;
/** Where console/src/session.ts keeps the session; `{ key: null }` is signed in without a key. */
const sessionStorageKey = "docstack.console.session";
const artifacts = join(import.meta.dirname, "../../test-artifacts");

let server: ConsoleServer;
let browser: Browser;
const layoutShifts: { route: Route; width: number; total: number }[] = [];

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchChromium();
  // Content for the pages to show: a collection with two indexed documents.
  const collection = await server.stack.createCollection(`pages-${crypto.randomUUID().slice(0, 8)}`);
  await uploadText(
    server.stack,
    collection,
    "refunds.md",
    "# Refunds\n\nA refund must be requested within thirty days of the delivery of the parcel.\n",
  );
  await uploadText(
    server.stack,
    collection,
    "shipping.md",
    "# Shipping\n\nParcels leave the warehouse within two working days of the order.\n",
  );
  await server.stack.indexAll();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  if (layoutShifts.length > 0) {
    writeFileSync(join(artifacts, "console-layout-shift.json"), `${JSON.stringify(layoutShifts, null, 2)}\n`);
    console.info(
      `layout shift on load (sum of every shift, an upper bound of CLS):\n${layoutShifts
        .map((s) => `  ${s.route} at ${s.width} px: ${s.total.toFixed(4)}`)
        .join("\n")}`,
    );
  }
  await browser?.close();
  await server?.close();
});

interface ShiftTally {
  total: number;
  shifts: { value: number; sources: string[] }[];
}

/**
 * Runs in the page before any of its scripts (an init script, which the page's CSP does not
 * govern): every layout shift not caused by input, from the first paint on.
 */
function countLayoutShifts(): void {
  interface LayoutShift extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources?: { node?: Node | null }[];
  }
  const tally: ShiftTally = { total: 0, shifts: [] };
  (window as unknown as { __layoutShifts: ShiftTally }).__layoutShifts = tally;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShift[]) {
      if (entry.hadRecentInput) continue;
      tally.total += entry.value;
      const sources = (entry.sources ?? []).map((s) =>
        s.node instanceof Element
          ? `${s.node.localName}${s.node.className ? `.${s.node.className}` : ""}`
          : "?",
      );
      tally.shifts.push({ value: entry.value, sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

/**
 * A fresh tab at the route, loaded (no request for 500 ms and the page's heading shown), watched
 * from its first request.
 */
async function openRoute(
  route: Route,
  viewport: { width: number; height: number },
): Promise<{ page: Page; seen: PageWatch }> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(countLayoutShifts);
  if (route !== "sign-in") {
    await context.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
      sessionStorageKey,
      JSON.stringify({ key: null }),
    ] as const);
  }
  const page = await context.newPage();
  const seen = watchPage(page, server.served.url);
  await page.goto(`${server.served.url}/console/#/${route}`, { waitUntil: "networkidle" });
  await page.locator("h1").waitFor();
  return { page, seen };
}

async function layoutShift(page: Page): Promise<ShiftTally> {
  // Observer callbacks arrive as tasks: two frames let any pending entry land.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => (window as unknown as { __layoutShifts: ShiftTally }).__layoutShifts);
}

describe.each(routes)("console page %s", (route) => {
  it.each(
    viewports,
  )(`${route} at $width px: no serious or critical axe violation, layout shift below 0.1, a screenshot`, async (viewport) => {
    const { page, seen } = await openRoute(route, viewport);
    // A signed-in route must show its own page, not the sign-in form it falls back to.
    if (route !== "sign-in") expect(await page.locator("h1").textContent()).not.toBe("Sign in");

    const shift = await layoutShift(page);
    layoutShifts.push({ route, width: viewport.width, total: shift.total });
    const violations = await axeViolations(page);
    // Taken before the assertions, so a failing page leaves its picture behind.
    await page.screenshot({
      path: join(artifacts, `console-${route}-${viewport.width}.png`),
      fullPage: true,
    });
    expect(violations).toEqual([]);
    expect(shift.total, JSON.stringify(shift.shifts)).toBeLessThan(0.1);
    expect(seen).toEqual({ external: [], failed: [], errors: [] });
    await page.context().close();
  });
});

describe("console keyboard use", () => {
  it("Tab from the top reaches the skip link, then the navigation, each with a visible outline; the skip link keeps the page", async () => {
    const route = routes.find((r) => r !== "sign-in");
    expect(route).toBeDefined();
    const { page } = await openRoute(route ?? "collections", viewports[0]);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (!(el instanceof HTMLElement)) return undefined;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          text: el.textContent?.trim() ?? "",
          skip: el.classList.contains("skip"),
          inNav: el.closest("nav") !== null,
          main: el.localName === "main",
          outline: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0,
          onScreen: box.width > 0 && box.right > 0 && box.left < window.innerWidth,
        };
      });

    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ skip: true, outline: true, onScreen: true });
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ inNav: true, outline: true, onScreen: true });

    // The skip link moves focus to the content; it must not become a route of the hash router.
    const url = page.url();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    expect(await focused()).toMatchObject({ main: true });
    expect(page.url()).toBe(url);
    await page.context().close();
  });
});
