import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The text decoding of the Workers bundles: bundled here with wrangler's resolve conditions
 * (workerd, worker, browser), which pick package.json's `#encoding-detector` for Workers, then
 * run in this process. Node's own bundles resolve it to jschardet (detect-encoding.test.ts).
 */

interface Bundle {
  decodeText: (bytes: Uint8Array, options: { html: boolean }) => { text: string; encoding: string };
  looksLikeText: (head: Uint8Array) => boolean;
}

const fixtures = join(import.meta.dirname, "../../../shared/fixtures");
let dir: string;
let bundle: Bundle;
let inputs: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "docstack-workers-text-"));
  await writeFile(
    join(dir, "entry.ts"),
    `export { decodeText } from ${JSON.stringify(join(import.meta.dirname, "decode-text.ts"))};\n` +
      `export { looksLikeText } from ${JSON.stringify(join(import.meta.dirname, "text-content.ts"))};\n`,
  );
  const result = await build({
    entryPoints: [join(dir, "entry.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    outfile: join(dir, "bundle.mjs"),
    metafile: true,
    logLevel: "silent",
  });
  inputs = Object.keys(result.metafile.inputs);
  bundle = (await import(join(dir, "bundle.mjs"))) as Bundle;
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("text on Workers (no encoding detector)", () => {
  it("leaves jschardet out of the bundle", () => {
    expect(inputs.some((input) => input.includes("detect-encoding.workers.ts"))).toBe(true);
    expect(inputs.filter((input) => input.includes("jschardet"))).toEqual([]);
  });

  it("reads UTF-8, marked and declared text as on Node", () => {
    expect(bundle.decodeText(utf8("Grüße aus Köln"), { html: false })).toEqual({
      text: "Grüße aus Köln",
      encoding: "utf-8",
    });
    const marked = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    expect(bundle.decodeText(marked, { html: false })).toEqual({ text: "Hi", encoding: "utf-16le" });
    const declared = new Uint8Array([...utf8('<meta charset="windows-1252"><p>caf'), 0xe9, ...utf8("</p>")]);
    expect(bundle.decodeText(declared, { html: true }).text).toContain("café");
  });

  it("refuses text it cannot tell the encoding of, naming Node, and still takes it for text at upload", async () => {
    for (const name of [
      "chardet-KOI8-R-_ude_1.txt",
      "chardet-SHIFT_JIS-_ude_2.txt",
      "chardet-windows-1252-_ude_1.txt",
    ]) {
      const bytes = new Uint8Array(await readFile(join(fixtures, name)));
      expect(bundle.looksLikeText(bytes.subarray(0, 8192)), name).toBe(true);
      let thrown: unknown;
      try {
        bundle.decodeText(bytes, { html: false });
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Error | undefined)?.name, name).toBe("NeedsNodeRuntime");
      expect((thrown as Error).message).toMatch(/only index workers on Node detect encodings/);
    }
  });

  it("still takes binary content for binary", () => {
    const random = new Uint8Array(8192);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    expect(bundle.looksLikeText(random)).toBe(false);
  });
});
