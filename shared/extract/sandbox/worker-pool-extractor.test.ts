import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfStreamBomb } from "../../../tests/support/pdf-builders.js";
import { chunkForIndex } from "../../chunking/chunk-for-index.js";
import { parseConfig } from "../../config.js";
import { ApiError } from "../../errors/api-error.js";
import { extractDocument } from "../extract-document.js";
import type { ExtractedDocument } from "../extracted-document.js";
import { ExtractionError } from "../extraction-error.js";
import { buildDocx, buildPdf, utf8 } from "../test-fixtures.js";
import { type ExtractionLimits, extractionLimits } from "./extraction-limits.js";
import type { Extractor } from "./extractor.js";
import { workerPoolExtractor } from "./worker-pool-extractor.js";

const textOf = (extracted: ExtractedDocument) => extracted.blocks.map((b) => b.text).join("\n\n");

const limits = (env: Record<string, string>): ExtractionLimits => extractionLimits(parseConfig(env));

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return (error as ExtractionError).message;
}

// 200 MiB of whitespace in one content stream, ~200 KB on disk: pdf.js inflates it into buffers,
// which V8's heap limit does not see.
let bomb: Uint8Array;
let pool: Extractor;
beforeAll(async () => {
  bomb = await pdfStreamBomb(200 * 2 ** 20);
  pool = await workerPoolExtractor(limits({ EXTRACT_MEMORY_MB: "64", EXTRACT_TIMEOUT_S: "60" }), {
    threads: 1,
  });
});
afterAll(() => pool.close());

describe("extraction in the worker pool", () => {
  it("gives what in-process extraction gives", async () => {
    const pdf = await buildPdf(["Page one of the report.", "Page two."]);
    const docx = await buildDocx(["A paragraph.", "Another, with ünïcödé."]);
    expect(await pool.extract("pdf", pdf.slice())).toEqual(await extractDocument("pdf", pdf));
    expect(await pool.extract("docx", docx.slice())).toEqual(await extractDocument("docx", docx));
    expect(await failure(pool.extract("pdf", utf8("%PDF-1.7 garbage")))).toBe("file is not a valid PDF");
  });

  it("chunks in the thread with the collection's settings, as chunking in process would", async () => {
    const text = `Harbour report.\n\n${"The tide rose at berth four before noon. ".repeat(400)}`;
    const chunking = { txt: { size: 300, overlap: 30 } };
    const inThread = await pool.extractChunks("txt", utf8(text), { chunking });
    const here = await chunkForIndex("txt", await extractDocument("txt", utf8(text)), chunking);
    expect(inThread.chunks.length).toBeGreaterThan(10);
    expect({ ...inThread, chunkMs: 0 }).toEqual({ ...here, chunkMs: 0 });
  });

  it("moves a buffer of its own into the thread, and copies a view into a shared one", async () => {
    const whole = utf8("moved, not copied");
    expect(textOf(await pool.extract("txt", whole))).toBe("moved, not copied");
    expect(whole.byteLength).toBe(0);
    const shared = Buffer.from("from Node's shared pool");
    expect(textOf(await pool.extract("txt", shared))).toBe("from Node's shared pool");
    expect(shared.toString()).toBe("from Node's shared pool");
  });

  it("ends a thread whose buffers pass the memory limit, and the next document gets a new thread", async () => {
    expect(await failure(pool.extract("pdf", bomb.slice()))).toBe(
      "extraction exceeded the memory limit of 64 MiB (EXTRACT_MEMORY_MB)",
    );
    expect(textOf(await pool.extract("txt", utf8("still serving")))).toBe("still serving");
  });

  it("ends a thread whose JS heap passes the limit (V8's resourceLimits)", async () => {
    // Parsed in one synchronous step: the DOM of 3 million elements outgrows a 64 MiB heap.
    const html = utf8(`<html><body>${"<b>x</b>".repeat(3_000_000)}</body></html>`);
    expect(await failure(pool.extract("html", html))).toBe(
      "extraction exceeded the memory limit of 64 MiB (EXTRACT_MEMORY_MB)",
    );
    expect(textOf(await pool.extract("txt", utf8("next")))).toBe("next");
  });

  it("ends a thread past the time limit", async () => {
    const slow = await workerPoolExtractor(limits({ EXTRACT_MEMORY_MB: "2048", EXTRACT_TIMEOUT_S: "1" }), {
      threads: 1,
    });
    try {
      expect(await failure(slow.extract("pdf", bomb))).toBe(
        "extraction took longer than 1 s (EXTRACT_TIMEOUT_S)",
      );
      expect(textOf(await slow.extract("txt", utf8("after the timeout")))).toBe("after the timeout");
    } finally {
      await slow.close();
    }
  });

  it("turns a thread that cannot start into an outage (the document is deferred), not a hang", async () => {
    const errors: unknown[] = [];
    const broken = await workerPoolExtractor(limits({}), {
      threads: 1,
      startupTimeoutMs: 3000,
      script: new URL("./no-such-extract-worker.ts", import.meta.url),
      onError: (error) => errors.push(error),
    });
    try {
      const error = await broken.extract("txt", utf8("never read")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: "service_unavailable" });
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await broken.close();
    }
  });

  it("leaves this thread's event loop free while a document is parsed", async () => {
    // node-html-parser parses in one synchronous call; on this thread no timer could fire meanwhile.
    const html = utf8(`<html><body>${"<p>word</p>".repeat(100_000)}</body></html>`);
    const events: string[] = [];
    const big = await workerPoolExtractor(limits({ EXTRACT_MEMORY_MB: "1024" }), { threads: 1 });
    try {
      await big.extract("txt", utf8("warm up the thread"));
      const extraction = big.extract("html", html).then(() => events.push("extracted"));
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push("timer");
      await extraction;
      expect(events).toEqual(["timer", "extracted"]);
    } finally {
      await big.close();
    }
  });
});
