import { type Browser, chromium, type Page } from "playwright-core";

/**
 * Debian's Chromium (installed by infra/ci/provision.sh), or CHROMIUM_PATH: playwright-core never
 * downloads a browser here. Headless, without a sandbox (CI runs as root), without the GPU, and
 * without the browser's own traffic (updates, sync, QUIC probes), so that every request a test
 * sees is one the page made.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** What a page did that a console test forbids: requests elsewhere, failures, browser complaints. */
export interface PageWatch {
  /** Requests to any origin but `origin`. */
  external: string[];
  /** Requests that failed on the way, or answered 400 or above. */
  failed: string[];
  /** Console errors (a script or style refused by the Content-Security-Policy is one) and uncaught exceptions. */
  errors: string[];
}

export function watchPage(page: Page, origin: string): PageWatch {
  const seen: PageWatch = { external: [], failed: [], errors: [] };
  page.on("request", (r) => {
    if (!r.url().startsWith(origin)) seen.external.push(r.url());
  });
  page.on("requestfailed", (r) => seen.failed.push(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) seen.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  return seen;
}
