import { TextDecoder } from "@exodus/bytes/encoding.js";
import { describe, expect, it } from "vitest";
import { decodableEncodings, detectEncoding } from "./detect-encoding.js";
import { utf8 } from "./test-fixtures.js";

describe("detectEncoding", () => {
  it("offers the detector only encodings it knows, each mapped to one we can decode", () => {
    // jschardet refuses unknown names in includeEncodings: one call checks them all.
    expect(detectEncoding(utf8("plain ascii"))).toMatchObject({ kind: "text" });
    for (const [name, encoding] of Object.entries(decodableEncodings)) {
      if (encoding.startsWith("utf-32")) continue; // decode-utf32.ts
      expect(new TextDecoder(encoding).encoding, name).toBe(encoding);
    }
  });

  it("is unsure, and falls back to Windows-1252, on a few bytes of evidence", () => {
    expect(detectEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]))).toMatchObject({
      kind: "unsure",
      encoding: "windows-1252",
    });
  });

  it("names no encoding for binary content", () => {
    expect(detectEncoding(utf8("nul\u0000byte"))).toEqual({ kind: "binary" });
  });
});
