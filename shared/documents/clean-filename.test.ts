import { describe, expect, it } from "vitest";
import { cleanFilename } from "./clean-filename.js";

describe("cleanFilename", () => {
  it("keeps the last path segment of any path a client sends", () => {
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("..\\..\\windows\\win.ini")).toBe("win.ini");
    expect(cleanFilename("C:\\Users\\me\\Report 2026.pdf")).toBe("Report 2026.pdf");
    expect(cleanFilename("/abs/path/a.txt")).toBe("a.txt");
    // Percent-encoding is text here, not a path: nothing decodes it later.
    expect(cleanFilename("%2e%2e%2fetc%2fpasswd")).toBe("%2e%2e%2fetc%2fpasswd");
  });

  it("drops control characters and bidirectional overrides", () => {
    expect(cleanFilename("a\r\nSet-Cookie: x=1.txt")).toBe("aSet-Cookie: x=1.txt");
    expect(cleanFilename("nul\u0000byte.pdf")).toBe("nulbyte.pdf");
    expect(cleanFilename("report\u202efdp.exe")).toBe("reportfdp.exe");
  });

  it("normalises to NFC and trims; refuses names with nothing left", () => {
    expect(cleanFilename("  cafe\u0301.md ")).toBe("café.md");
    for (const empty of ["", "   ", ".", "..", "dir/", "a/..", "\r\n"])
      expect(cleanFilename(empty)).toBeUndefined();
  });
});
