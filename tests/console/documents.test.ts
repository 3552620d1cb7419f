import { mkdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import type { Served } from "../../shared/http/serve-node.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { type ConsoleServer, signIn as signInAs, startConsoleServer } from "../support/console-server.js";
import { type EmbeddedStack, uploadForm } from "../support/embedded-stack.js";

const fixtures = join(import.meta.dirname, "../../../shared/fixtures");
const artifacts = join(import.meta.dirname, "../../test-artifacts");
let server: ConsoleServer;
let stack: EmbeddedStack;
let served: Served;
let browser: Browser;
const keys = { admin: "", reader: "" };

beforeAll(async () => {
  // As `npm start` runs: the index worker in the same process picks up what is uploaded.
  server = await startConsoleServer({ INDEX_POLL_MS: "200" }, { indexWorker: true });
  ({ stack, served } = server);
  keys.admin = (await createApiKey(stack.deps.db, { name: "console-admin", scopes: ["admin"] })).key;
  keys.reader = (await createApiKey(stack.deps.db, { name: "console-reader", scopes: ["read"] })).key;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (page: Page, key: string) => signInAs(page, served.url, key);

/** Files dropped on the page as a person drags them from a file manager. */
async function dropFiles(page: Page, files: { name: string; type: string; path: string }[]) {
  const payload = await Promise.all(
    files.map(async (f) => ({
      name: f.name,
      type: f.type,
      base64: (await readFile(f.path)).toString("base64"),
    })),
  );
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  await page.getByTestId("drop-zone").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
}

interface Chunk {
  chunk_index: number;
  text: string;
  location: { page_start?: number; page_end?: number };
}

describe("the documents page", () => {
  it("uploads three dropped files (one refused), watches them index, finds a passage by page, and deletes", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, keys.admin);
    await expect.poll(() => page.getByTestId("who").textContent()).toBe("console-admin · admin");

    const name = `archive-${crypto.randomUUID().slice(0, 8)}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create collection" }).click();
    await page.getByRole("rowheader", { name }).waitFor();

    await page.getByRole("link", { name: "Documents" }).click();
    await page.getByRole("heading", { level: 1, name: "Documents" }).waitFor();
    await page.getByLabel("Collection", { exact: true }).selectOption({ label: name });

    await dropFiles(page, [
      { name: "multi_page.pdf", type: "application/pdf", path: join(fixtures, "docling-multi_page.pdf") },
      {
        name: "german-1252.txt",
        type: "text/plain",
        path: join(fixtures, "chardet-windows-1252-_ude_1.txt"),
      },
      { name: "legacy.doc", type: "application/msword", path: join(fixtures, "docling-legacy_sample.doc") },
    ]);

    const upload = (file: string) => page.getByTestId("upload").filter({ hasText: file }).locator("output");
    // The refusal says why, in the server's words, with its request id.
    await expect
      .poll(() => upload("legacy.doc").textContent(), { timeout: 30_000 })
      .toMatch(/^Refused: .+ \(request .+\)$/);
    // The others are stored, then indexed by the worker while the page watches.
    await expect
      .poll(() => upload("multi_page.pdf").textContent(), { timeout: 90_000 })
      .toMatch(/^Uploaded · indexed, \d+ passages?$/);
    await expect
      .poll(() => upload("german-1252.txt").textContent(), { timeout: 90_000 })
      .toMatch(/^Uploaded · indexed, \d+ passages?$/);

    // The table has both, indexed, with what indexing found; the refused file is not there.
    const row = (file: string) =>
      page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: file }) });
    await expect.poll(() => row("multi_page.pdf").textContent(), { timeout: 30_000 }).toContain("indexed");
    expect(await row("german-1252.txt").textContent()).toContain("windows-1252");
    expect(await row("legacy.doc").count()).toBe(0);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "console-documents-uploaded-1280.png"), fullPage: true });
    // The page as it is after real work (bars, verdicts, a refusal, a filled table) meets axe too.
    expect(await axeViolations(page)).toEqual([]);

    // Dropping the same PDF again is recognised as a duplicate, not stored twice.
    await dropFiles(page, [
      { name: "copy.pdf", type: "application/pdf", path: join(fixtures, "docling-multi_page.pdf") },
    ]);
    await expect
      .poll(() => upload("copy.pdf").textContent(), { timeout: 30_000 })
      .toMatch(/^Duplicate of multi_page\.pdf already in the collection · indexed/);

    // A passage on a later page of the PDF, searched for with its own words, comes first with its page.
    const listed = await page.evaluate(async (key) => {
      const r = await fetch("/documents?limit=10&filename_contains=multi_page", {
        headers: { authorization: `Bearer ${key}` },
      });
      return (await r.json()) as { items: { id: string; collection_id: string }[] };
    }, keys.admin);
    const pdf = listed.items[0];
    expect(pdf).toBeDefined();
    const text = await stack.json<{ chunks: Chunk[] }>(`/documents/${pdf?.id}/text?limit=100`, {
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    const later = text.body.chunks.find((c) => (c.location.page_start ?? 0) >= 3);
    expect(later).toBeDefined();
    const words = (later?.text ?? "").split(/\s+/).filter((w) => /^[A-Za-z]{5,}$/.test(w));
    const query = words.slice(0, 12).join(" ");
    expect(words.length).toBeGreaterThan(5);

    await page.getByRole("link", { name: "Search" }).click();
    await page.getByLabel("Collection", { exact: true }).selectOption({ label: name });
    await page.getByLabel("Query", { exact: true }).fill(query);
    await page.getByLabel("Mode", { exact: true }).selectOption("keyword");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const first = page.locator(".result").first();
    await first.waitFor();
    expect(await first.locator(".doc").textContent()).toBe("multi_page.pdf");
    const pages =
      later?.location.page_end !== undefined && later.location.page_end !== later.location.page_start
        ? `pages ${later.location.page_start}–${later.location.page_end}`
        : `page ${later?.location.page_start}`;
    expect(await first.locator(".where").textContent()).toContain(pages);

    // Deleted in the table (two steps), it leaves the results.
    await page.getByRole("link", { name: "Documents" }).click();
    await page.getByRole("button", { name: "Delete multi_page.pdf" }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect.poll(() => row("multi_page.pdf").count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole("link", { name: "Search" }).click();
    await page.getByLabel("Query", { exact: true }).fill(query);
    await page.getByLabel("Mode", { exact: true }).selectOption("keyword");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByTestId("latency").waitFor();
    const docs = await page.locator(".result .doc").allTextContents();
    expect(docs).not.toContain("multi_page.pdf");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("uploads a chosen folder to the bottom, without its hidden files, with progress for the whole batch", async () => {
    const dir = await mkdtemp(join(tmpdir(), "docstack-folder-"));
    const files: [string, string][] = [
      ["minutes.txt", "The council met on Tuesday."],
      ["agenda.md", "# Agenda\n\nItem one: the harbour."],
      ["2025/budget.txt", "Spending on roads rose."],
      ["2025/q4/rows.csv", "month,visitors\nOctober,120\n"],
      [".DS_Store", "not a document"],
      [".git/config", "[core]"],
      ["2025/Thumbs.db", "not a document"],
    ];
    for (const [path, text] of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, keys.admin);
    const name = `folder-${crypto.randomUUID().slice(0, 8)}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create collection" }).click();
    await page.getByRole("rowheader", { name }).waitFor();
    await page.getByRole("link", { name: "Documents" }).click();
    await page.getByLabel("Collection", { exact: true }).selectOption({ label: name });

    await page.getByLabel("Choose a folder").setInputFiles(dir);
    await expect
      .poll(() => page.getByTestId("upload-summary").textContent(), { timeout: 90_000 })
      .toMatch(/^4 of 4 files sent \([\d.]+ B of [\d.]+ B\) · 4 indexed$/);
    const uploaded = await page.getByTestId("upload").locator(".upload-name").allTextContents();
    expect(uploaded.sort()).toEqual(["agenda.md", "budget.txt", "minutes.txt", "rows.csv"]);
    await expect.poll(() => page.locator("table.documents tbody tr").count(), { timeout: 15_000 }).toBe(4);
    await page.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("shows a read-only key no upload, reindex or delete, and the API refuses them anyway", async () => {
    const admin = { authorization: `Bearer ${keys.admin}` };
    const made = await stack.json<{ id: string }>("/collections", {
      method: "POST",
      headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ name: `read-only-${crypto.randomUUID().slice(0, 8)}` }),
    });
    expect(made.status).toBe(201);
    const form = uploadForm(made.body.id, {
      name: "notice.txt",
      bytes: "The office closes at noon on Fridays.",
    });
    expect((await stack.json("/documents", { method: "POST", headers: admin, body: form })).status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await signIn(page, keys.reader);
    await expect.poll(() => page.getByTestId("who").textContent()).toBe("console-reader · read");
    // A read key may not create collections either.
    expect(await page.getByRole("button", { name: "Create collection" }).count()).toBe(0);
    await page.getByRole("link", { name: "Documents" }).click();
    await page.getByLabel("Collection", { exact: true }).selectOption(made.body.id);
    await page.getByRole("button", { name: "Download notice.txt" }).waitFor();
    expect(await page.getByTestId("drop-zone").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Delete|Reindex) / }).count()).toBe(0);

    const refused = await page.evaluate(async (key) => {
      const list = await fetch("/documents?limit=1", { headers: { authorization: `Bearer ${key}` } });
      const id = ((await list.json()) as { items: { id: string }[] }).items[0]?.id;
      const del = await fetch(`/documents/${id}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${key}` },
      });
      const form = new FormData();
      form.set("collection_id", crypto.randomUUID());
      form.set("file", new File(["text"], "a.txt"));
      const up = await fetch("/documents", {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${key}` },
      });
      return { id, delete: del.status, upload: up.status };
    }, keys.reader);
    expect(refused.id).toBeDefined();
    expect(refused.delete).toBe(403);
    expect(refused.upload).toBe(403);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "console-documents-reader-375.png"), fullPage: true });
    await page.close();
  });
});
