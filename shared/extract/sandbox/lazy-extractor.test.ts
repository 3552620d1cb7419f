import { describe, expect, it } from "vitest";
import { parseConfig } from "../../config.js";
import { portableFormats } from "../formats/portable-formats.js";
import { extractionLimits } from "./extraction-limits.js";
import { inProcessExtractor } from "./in-process-extractor.js";
import { lazyExtractor } from "./lazy-extractor.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("lazyExtractor", () => {
  it("makes the extractor on first use only, once, and closes it", async () => {
    let made = 0;
    let closed = 0;
    const lazy = lazyExtractor("in-process", "all", async () => {
      made++;
      const inner = inProcessExtractor(extractionLimits(parseConfig({})), portableFormats);
      return { ...inner, close: async () => void closed++ };
    });
    expect(made).toBe(0);
    await lazy.close();
    expect(closed).toBe(0);
    const [a, b] = await Promise.all([lazy.extract("txt", utf8("one")), lazy.extract("txt", utf8("two"))]);
    expect([a.blocks[0]?.text, b.blocks[0]?.text]).toEqual(["one", "two"]);
    expect(made).toBe(1);
    await lazy.close();
    expect(closed).toBe(1);
  });

  it("tries again after a start that failed", async () => {
    let attempts = 0;
    const lazy = lazyExtractor("in-process", "all", async () => {
      attempts++;
      if (attempts === 1) throw new Error("no thread");
      return inProcessExtractor(extractionLimits(parseConfig({})), portableFormats);
    });
    await expect(lazy.extract("txt", utf8("x"))).rejects.toThrow("no thread");
    expect((await lazy.extract("txt", utf8("again"))).blocks[0]?.text).toBe("again");
    expect(attempts).toBe(2);
  });
});
