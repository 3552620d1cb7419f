import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeUtf32 } from "./decode-utf32.js";

describe("decodeUtf32", () => {
  const text = "Grüße, 世界, 😀 and more than one slice: ".repeat(1000);

  it("round-trips what iconv-lite encodes, both byte orders, past the slice size", () => {
    expect(decodeUtf32(new Uint8Array(iconv.encode(text, "utf-32le")), true)).toBe(text);
    expect(decodeUtf32(new Uint8Array(iconv.encode(text, "utf-32be")), false)).toBe(text);
  });

  it("replaces surrogates, values past U+10FFFF and a cut-off last unit with U+FFFD", () => {
    const units = new Uint8Array([0x41, 0, 0, 0, 0x00, 0xd8, 0, 0, 0, 0, 0x11, 0, 0x42, 0, 0, 0, 0x43, 0]);
    expect(decodeUtf32(units, true)).toBe("A\ufffd\ufffdB\ufffd");
  });
});
