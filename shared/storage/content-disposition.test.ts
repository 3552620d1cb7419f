import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition.js";

describe("contentDisposition", () => {
  it("neutralises quotes, CR/LF and non-ASCII in the fallback", () => {
    const header = contentDisposition('a"b\r\nSet-Cookie: x=1;é.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="a_b__Set-Cookie: x=1;_.pdf"');
    expect(header).toContain("filename*=UTF-8''a%22b%0D%0ASet-Cookie%3A%20x%3D1%3B%C3%A9.pdf");
  });
});
