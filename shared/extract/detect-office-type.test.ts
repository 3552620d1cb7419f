import { beforeAll, describe, expect, it } from "vitest";
import { encryptOffice } from "../../tests/support/office-tools.js";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { decideType, type TypeDecision } from "./detect-type.js";
import { contentTypeOf, type DocumentKind } from "./document-kind.js";
import { extractDocument } from "./extract-document.js";
import { buildZip, utf8 } from "./test-fixtures.js";

const head = (bytes: Uint8Array) => bytes.subarray(0, 8 * 1024);
const ok = (kind: DocumentKind) => ({ ok: true, kind, contentType: contentTypeOf[kind] }) as const;
const mismatch = { ok: false, code: "mismatch" } as const;

const xlsx = () => publicFixture("calamine-table-multiple.xlsx");
const pptx = () => publicFixture("docling-powerpoint_sample.pptx");
const odt = () => publicFixture("docling-text_document_01.odt");
const ods = () => publicFixture("docling-odf_table_with_title_01.ods");
const rtf = () => publicFixture("unstructured-eng_spa_mult.rtf");
const eml = () => publicFixture("mailparser-nodemailer.eml");
const doc = () => publicFixture("docling-legacy_sample.doc");
const docx = () => publicFixture("docling-word_sample.docx");

type Case = [
  name: string,
  filename: string,
  type: string | undefined,
  content: () => Uint8Array,
  expected: Partial<TypeDecision>,
];

const cases: Case[] = [
  ["xlsx", "budget.xlsx", undefined, xlsx, ok("xlsx")],
  ["xlsx by content type only", "upload", contentTypeOf.xlsx, xlsx, ok("xlsx")],
  ["pptx", "deck.pptx", undefined, pptx, ok("pptx")],
  ["odt", "letter.odt", undefined, odt, ok("odt")],
  ["ods", "ducks.ods", "application/octet-stream", ods, ok("ods")],
  ["rtf", "udhr.rtf", undefined, rtf, ok("rtf")],
  ["rtf as text/rtf", "upload", "text/rtf", rtf, ok("rtf")],
  ["eml", "mail.eml", undefined, eml, ok("eml")],
  ["eml as message/rfc822", "upload", "message/rfc822", eml, ok("eml")],
  ["docx named .xlsx", "budget.xlsx", undefined, docx, mismatch],
  ["xlsx named .pptx", "deck.pptx", undefined, xlsx, mismatch],
  ["xlsx named .docx", "letter.docx", undefined, xlsx, mismatch],
  ["ods named .odt", "letter.odt", undefined, ods, mismatch],
  ["odt named .ods", "ducks.ods", undefined, odt, mismatch],
  ["pptx named .odp", "deck.odp", undefined, pptx, mismatch],
  ["plain text named .rtf", "notes.rtf", undefined, () => utf8("Not RTF at all."), mismatch],
  ["plain text named .eml", "mail.eml", undefined, () => utf8("Dear Bob,\nsee you.\n"), mismatch],
  ["a CSV named .eml", "mail.eml", undefined, () => utf8("name: value,other\nx,y\n"), mismatch],
  ["a plain ZIP named .ods", "ducks.ods", undefined, () => buildZip({ "a.txt": "x" }), mismatch],
];

describe("decideType for office formats, e-mail and RTF", () => {
  it.each(cases)("%s", (_name, filename, type, content, expected) => {
    expect(decideType(filename, type, head(content()))).toMatchObject(expected);
  });

  it("says what an Office file named otherwise is", () => {
    expect(decideType("budget.xlsx", undefined, head(docx()))).toMatchObject({
      detail: "content looks like a Word document (.docx), not an Excel workbook (.xlsx)",
    });
  });

  it("refuses a legacy .doc with the format to save it as (docling legacy_sample.doc)", () => {
    const expected =
      "the file is a legacy Word 97-2003 document (.doc), which is not supported; open it in its application (or LibreOffice), save it as .docx and upload that";
    // Its directory lies at its end: the whole file shows what it is, and so does its name.
    for (const bytes of [doc(), head(doc())]) {
      expect(decideType("report.doc", undefined, bytes)).toEqual({
        ok: false,
        code: "unsupported",
        detail: expected,
      });
    }
  });

  it("refuses a compound file named .xls by its name when the head does not show its directory", () => {
    expect(decideType("old.xls", undefined, head(doc()))).toMatchObject({
      ok: false,
      code: "unsupported",
      detail: expect.stringContaining("legacy Excel 97-2003 workbook (.xls)"),
    });
  });
});

describe("password-protected Office files (encrypted by msoffcrypto-tool as Office does)", () => {
  const reason =
    "the file is password-protected (encrypted by Office); remove the password and upload it again";
  let encrypted: Uint8Array;
  beforeAll(() => {
    encrypted = encryptOffice(xlsx());
  });

  it("are refused at upload when the head shows the encryption", () => {
    expect(decideType("budget.xlsx", undefined, head(encrypted))).toEqual({
      ok: false,
      code: "mismatch",
      detail: reason,
    });
    expect(decideType("budget.docx", undefined, head(encrypted))).toMatchObject({ detail: reason });
  });

  it.each(["xlsx", "docx", "pptx"] as const)("fail extraction as %s with the same reason", async (kind) => {
    await expect(extractDocument(kind, encrypted)).rejects.toThrow(reason);
  });
});
