import { describe, expect, it } from "vitest";
import { utf8 } from "./test-fixtures.js";
import { utf8Evidence } from "./utf8-text.js";

describe("utf8Evidence", () => {
  it("counts well-formed multibyte sequences; ASCII counts as neither", () => {
    expect(utf8Evidence(utf8("plain"))).toEqual({ multibyte: 0, invalid: 0 });
    expect(utf8Evidence(utf8("Ελληνικά 中文 😀"))).toEqual({ multibyte: 11, invalid: 0 });
  });

  it.each([
    ["overlong encoding", [0xc0, 0xaf], 2],
    ["UTF-16 surrogate", [0xed, 0xa0, 0x80], 3],
    ["beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 4],
    ["Latin-1 byte mid-text", [0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b], 1],
  ])("counts the bytes of ill-formed UTF-8 as invalid: %s", (_name, bytes, invalid) => {
    expect(utf8Evidence(new Uint8Array(bytes))).toEqual({ multibyte: 0, invalid });
  });

  it("ignores a sequence cut off by the end only", () => {
    const emoji = utf8("ok 😀");
    expect(utf8Evidence(emoji.subarray(0, emoji.length - 1))).toEqual({ multibyte: 0, invalid: 0 });
    const cutThenMore = new Uint8Array([...emoji.subarray(0, emoji.length - 1), 0x78]);
    expect(utf8Evidence(cutThenMore).invalid).toBeGreaterThan(0);
  });
});
