import { describe, expect, it } from "vitest";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { extractDocument } from "./extract-document.js";
import { utf8 } from "./test-fixtures.js";

describe("RTF blocks", () => {
  it("gives the paragraphs of an Aspose.Words RTF in Windows-1252 with their accents (unstructured eng_spa_mult.rtf)", async () => {
    const { blocks } = await extractDocument("rtf", publicFixture("unstructured-eng_spa_mult.rtf"));
    expect(blocks).toHaveLength(5);
    expect(blocks.every((b) => Object.keys(b).join() === "text")).toBe(true);
    expect(blocks[1]?.text).toContain(
      '"Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia',
    );
    expect(blocks.map((b) => b.text).join("\n")).not.toMatch(/[{}\\]|Aspose|Times New Roman/);
  });

  it("decodes \\uN characters (their fallbacks skipped) and \\'hh bytes in the declared code page; rows are cells joined", async () => {
    // Written the way Word writes Cyrillic: \uN with a one-byte fallback (\uc1), and \'hh in code page 1251.
    const rtf = String.raw`{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}\f0\uc1\u1055?\u1088?\u1080?\u1083?\u1080?\u1074? \'ec\'ee\'f0\'ff\par Second\line line\par{\trowd Port\cell Depth\cell\row}}`;
    const { blocks } = await extractDocument("rtf", utf8(rtf));
    expect(blocks.map((b) => b.text)).toEqual(["Прилив моря", "Second\nline", "Port | Depth"]);
  });
});

describe("EML blocks", () => {
  it("gives the subject as heading, the senders, the body and the attachments' names (docling eml_with_attachment.eml)", async () => {
    const { blocks } = await extractDocument("eml", publicFixture("docling-eml_with_attachment.eml"));
    const headings = ["Email with Attachment"];
    expect(blocks).toEqual([
      { text: "Email with Attachment", headings },
      { text: "From: Alice Example <alice@example.com>\nTo: Bob Example <bob@example.com>", headings },
      { text: "Hello Bob,", headings },
      { text: "This email contains an attachment.", headings },
      { text: "Best regards,\nAlice", headings },
      { text: "Attachments: test.txt", headings },
    ]);
  });

  it("decodes an encoded-word subject and lists every attachment (mailparser nodemailer.eml)", async () => {
    const { blocks } = await extractDocument("eml", publicFixture("mailparser-nodemailer.eml"));
    expect(blocks[0]?.text).toBe("Nodemailer is unicode friendly ✔ (1476358788189)");
    expect(blocks.at(-1)?.text).toBe("Attachments: image.png, nyan cat ✔.gif, notes.txt");
    expect(blocks.some((b) => b.text.includes("Date: 2016-10-13T11:39:48.000Z"))).toBe(true);
  });

  it("reads a body declared ISO-8859-1, format=flowed (unstructured email-no-utf8)", async () => {
    const { blocks } = await extractDocument(
      "eml",
      publicFixture("unstructured-email-no-utf8-2014-03-17.111517.eml"),
    );
    expect(blocks[0]?.text).toBe("Google Account password changed");
    expect(blocks.map((b) => b.text)).toContain("Hi Slava,");
    expect(blocks.map((b) => b.text).join("\n")).not.toContain("\uFFFD");
  });
});
