import { describe, expect, it } from "vitest";
import { layOutBlocks } from "../chunking/lay-out-blocks.js";
import type { DocumentKind } from "./document-kind.js";
import { ExtractionError, extractDocument } from "./extract-document.js";
import { buildDocx, buildPdf, buildZip, concatBytes, utf8 } from "./test-fixtures.js";

/** The document's extracted text: its blocks laid out as indexing stores them. */
async function extractText(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  return layOutBlocks((await extractDocument(kind, bytes)).blocks).text;
}

async function extractionFailure(promise: Promise<unknown>): Promise<ExtractionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

describe("extractDocument: pdf", () => {
  it("extracts every page, pages separated by a blank line", async () => {
    const pdf = await buildPdf(["Hello from page one.", "Second page says goodbye."]);
    expect(await extractText("pdf", pdf)).toBe("Hello from page one.\n\nSecond page says goodbye.");
  });

  it("leaves the caller's bytes intact (pdf.js may detach buffers)", async () => {
    const pdf = await buildPdf(["Still here."]);
    const length = pdf.byteLength;
    await extractText("pdf", pdf);
    expect(pdf.byteLength).toBe(length);
    expect(await extractText("pdf", pdf)).toBe("Still here.");
  });

  it("reports a PDF without text as probably scanned", async () => {
    const error = await extractionFailure(extractText("pdf", await buildPdf([""])));
    expect(error.message).toBe("PDF has no extractable text (scanned image?)");
  });

  it("rejects a corrupt PDF with a readable reason and no internals", async () => {
    const error = await extractionFailure(extractText("pdf", utf8("%PDF-1.7 garbage")));
    expect(error.message).toBe("file is not a valid PDF");
  });
});

describe("extractDocument: docx", () => {
  it("extracts paragraphs separated by blank lines", async () => {
    const docx = await buildDocx([
      "First paragraph.",
      "Second paragraph, with a comma.",
      "Τρίτη παράγραφος.",
    ]);
    expect(await extractText("docx", docx)).toBe(
      "First paragraph.\n\nSecond paragraph, with a comma.\n\nΤρίτη παράγραφος.",
    );
  });

  it("rejects a ZIP that is not a Word document", async () => {
    const zip = buildZip({ "readme.txt": "just a zip" });
    const error = await extractionFailure(extractText("docx", zip));
    expect(error.message).toBe("DOCX is not a valid Word document");
  });

  it("rejects bytes that are not a ZIP at all", async () => {
    const error = await extractionFailure(extractText("docx", utf8("not a zip")));
    expect(error.message).toBe("DOCX is not a valid Word document");
  });
});

describe("extractDocument: html", () => {
  it("keeps visible text as paragraphs and drops scripts, styles and head", async () => {
    const html = `<!DOCTYPE html>
<html><head><title>Page title</title><style>p { color: red }</style></head>
<body>
  <script>var s = "</div> not text";</script>
  <noscript>Enable JavaScript</noscript>
  <template><p>template text</p></template>
  <h1>Caf&eacute; &amp; Bar</h1>
  <p>Fish &lt;&gt; chips,&nbsp;served   daily &#8212; since&#x20;1990.</p>
  <div>Line one<br>Line two</div>
  <ul><li>alpha</li><li>beta <b>bold</b> text</li></ul>
  <table><tr><th>Name</th><th>Age</th></tr><tr><td>Ada</td><td>36</td></tr></table>
  <!-- a comment -->
  <p hidden>secret</p>
</body></html>`;
    expect(await extractText("html", utf8(html))).toBe(
      [
        "Café & Bar",
        "Fish <> chips, served daily — since 1990.",
        "Line one",
        "Line two",
        "alpha",
        "beta bold text",
        "Name | Age\nAda | 36",
      ].join("\n\n"),
    );
  });

  it("accepts fragments without any tags and keeps <pre> lines", async () => {
    expect(await extractText("html", utf8("just some text &amp; more"))).toBe("just some text & more");
    expect(await extractText("html", utf8("<pre>  a = 1\n  b = 2\n</pre>"))).toBe("a = 1\n  b = 2");
  });

  it("handles deeply nested markup without overflowing the stack", async () => {
    const depth = 20_000;
    const html = `${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}`;
    expect(await extractText("html", utf8(html))).toBe("deep");
  });

  it("fails when there is no visible text", async () => {
    const error = await extractionFailure(extractText("html", utf8("<script>x()</script><p> </p>")));
    expect(error.message).toBe("no text could be extracted");
  });
});

describe("extractDocument: csv", () => {
  it("turns each row into a line of cells, honouring RFC 4180 quoting", async () => {
    const csv = [
      "name,quote,notes,empty",
      '"Smith, John","He said ""hi""","line one',
      'line two",',
      "",
      'Ada,plain,"",',
      'Bob,"5"" screen",,',
    ].join("\r\n");
    expect(await extractText("csv", utf8(csv))).toBe(
      [
        "name | quote | notes | empty",
        'Smith, John | He said "hi" | line one line two',
        "Ada | plain",
        'Bob | 5" screen',
      ].join("\n"),
    );
  });

  it("tolerates a BOM, an empty header cell and a missing final newline", async () => {
    const csv = concatBytes([new Uint8Array([0xef, 0xbb, 0xbf]), utf8("id,\n1,x,extra")]);
    expect(await extractText("csv", csv)).toBe("id\n1 | x | extra");
  });

  it("rejects a header without data rows and an unterminated quote", async () => {
    expect((await extractionFailure(extractText("csv", utf8("a,b\n")))).message).toMatch(/no data rows/);
    expect((await extractionFailure(extractText("csv", utf8('a,b\n1,"open')))).message).toMatch(
      /never closed/,
    );
  });
});

describe("extractDocument: txt and md", () => {
  it("round-trips unicode and normalizes BOM, CRLF, NUL, NFC and edges", async () => {
    const text = "Καλημέρα κόσμε\r\n你好，世界。\r\nemoji 👋🏽🎉👩‍👩‍👧 cafe\u0301\u0000";
    const bytes = concatBytes([new Uint8Array([0xef, 0xbb, 0xbf]), utf8(`\n  ${text}  \n`)]);
    expect(await extractText("txt", bytes)).toBe("Καλημέρα κόσμε\n你好，世界。\nemoji 👋🏽🎉👩‍👩‍👧 café");
  });

  it("returns Markdown as is", async () => {
    const md = "# Title\n\n- item *one*\n- item `two`";
    expect(await extractText("md", utf8(md))).toBe(md);
  });

  it("fails on empty or whitespace-only text", async () => {
    expect((await extractionFailure(extractText("txt", utf8(" \n\t ")))).message).toBe(
      "no text could be extracted",
    );
    expect((await extractionFailure(extractText("md", new Uint8Array()))).message).toBe(
      "no text could be extracted",
    );
  });
});

describe("extractDocument: maxChars", () => {
  it("fails a text file past the cap on its decoded length", async () => {
    const error = await extractionFailure(extractDocument("txt", utf8("x".repeat(1001)), { maxChars: 1000 }));
    expect(error.message).toBe(
      "the extracted text has 1,001 characters; the limit is 1,000 (EXTRACT_MAX_CHARS)",
    );
  });

  it("fails other formats past the cap on what their blocks hold, not on their markup", async () => {
    const cells = Array.from({ length: 50 }, (_, i) => `<p>paragraph ${i}</p>`).join("");
    const html = utf8(`<html><body>${cells}</body></html>`);
    const text = await extractText("html", html);
    expect((await extractDocument("html", html, { maxChars: html.byteLength - 100 })).blocks.length).toBe(50);
    const error = await extractionFailure(extractDocument("html", html, { maxChars: text.length - 100 }));
    expect(error.message).toMatch(/^the extracted text has [\d,]+ characters; the limit is /);
  });
});
