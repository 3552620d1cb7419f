import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** Real files, built by the tests themselves, so nothing binary is committed. */
export async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage();
    lines.forEach((line, i) => {
      page.drawText(line, { x: 50, y: 750 - i * 16, size: 11, font });
    });
  }
  return pdf.save();
}

export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export function makeHtml(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${title}</title><style>p{color:red}</style><script>var secret="do not index";</script></head>
<body><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</body></html>`;
}

export const pngBytes = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
]);
export const elfBytes = new Uint8Array([
  0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0,
]);
