// Documents for the OCR tests, made at test time with pdf-lib and utif2 from the public fixtures.
import { PDFDict, PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import UTIF from "utif2";
import { publicFixture } from "./public-fixtures.js";

/** A sentence of page 1 of mixedPdf, drawn as real text. */
export const typedSentence = "The harbour commission met on Tuesday.";

/**
 * A PDF of three pages: 1, typed text; 2, a scan (the two-column JPEG of the US Code of Federal
 * Regulations) and no text; 3, the same scan under a text layer that is not text (a font whose
 * ToUnicode map sends every character to the private-use area, as broken PDF producers do).
 */
export async function mixedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const typed = pdf.addPage([612, 792]);
  typed.drawText(typedSentence, { x: 72, y: 700, size: 14, font });
  const scan = await pdf.embedJpg(publicFixture("unstructured-double-column-A.jpg"));
  for (const garbage of [false, true]) {
    const page = pdf.addPage([612, 816]);
    page.drawImage(scan, { x: 0, y: 0, width: 612, height: 816 });
    if (garbage) {
      const broken = await pdf.embedFont(StandardFonts.Courier);
      page.drawText("Lorem ipsum dolor sit amet ".repeat(20), {
        x: 10,
        y: 10,
        size: 4,
        font: broken,
        opacity: 0,
      });
      await pdf.flush();
      const dict = pdf.context.lookup(broken.ref, PDFDict);
      dict.set(PDFName.of("ToUnicode"), pdf.context.register(pdf.context.stream(privateUseCMap)));
    }
  }
  return pdf.save();
}

const privateUseCMap = [
  "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
  "/CMapName /PrivateUse def /CMapType 2 def",
  "1 begincodespacerange <00> <FF> endcodespacerange",
  "1 beginbfrange <20> <7E> <E000> endbfrange",
  "endcmap CMapName currentdict /CMap defineresource pop end end",
].join("\n");

/** A PDF of `pages` scanned pages (the one-paragraph docling scan), for the OCR caps. */
export async function scannedPdf(pages: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(publicFixture("docling-ocr_test.pdf"));
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const [page] = await pdf.copyPages(source, [0]);
    if (page !== undefined) pdf.addPage(page);
  }
  return pdf.save();
}

/** A PDF form with filled fields, made with pdf-lib's AcroForm support. */
export async function filledForm(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([612, 792]).drawText("Application for a mooring permit", { x: 72, y: 720, size: 16, font });
  const page = pdf.addPage([612, 792]);
  page.drawText("Applicant", { x: 72, y: 720, size: 12, font });
  const form = pdf.getForm();
  const name = form.createTextField("applicant.name");
  name.setText("Marguerite Quillfeather");
  name.addToPage(page, { x: 72, y: 680, width: 300, height: 20 });
  const vessel = form.createDropdown("vessel.type");
  vessel.addOptions(["sloop", "ketch", "schooner"]);
  vessel.select("ketch");
  vessel.addToPage(page, { x: 72, y: 640, width: 200, height: 20 });
  const insured = form.createCheckBox("insured");
  insured.addToPage(page, { x: 72, y: 600, width: 15, height: 15 });
  // Ticked once it has its widget: the widget gives the "on" value.
  insured.check();
  const unticked = form.createCheckBox("resident");
  unticked.addToPage(page, { x: 72, y: 570, width: 15, height: 15 });
  const empty = form.createTextField("notes");
  empty.addToPage(page, { x: 72, y: 530, width: 300, height: 20 });
  return pdf.save();
}

/**
 * A two-page TIFF (uncompressed RGBA strips): the phototest page, then the eurotext page, decoded
 * and written again with utif2. Its encoder writes the directories; the pixels follow them.
 */
export function twoPageTiff(): Uint8Array {
  const pages = ["tesseract-phototest.tif", "tesseract-eurotext.tif"].map((name) => {
    const bytes = publicFixture(name);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const [ifd] = UTIF.decode(buffer);
    if (ifd === undefined) throw new Error(`${name} holds no image`);
    UTIF.decodeImage(buffer, ifd);
    return { width: ifd.width, height: ifd.height, rgba: UTIF.toRGBA8(ifd) };
  });
  const directories = (offsets: number[]) =>
    new Uint8Array(
      UTIF.encode(
        pages.map(({ width, height, rgba }, i) => ({
          t256: [width],
          t257: [height],
          t258: [8, 8, 8, 8],
          t259: [1],
          t262: [2],
          t273: [offsets[i] ?? 0],
          t277: [4],
          t278: [height],
          t279: [rgba.length],
          t284: [1],
          t338: [1],
        })) as unknown as UTIF.IFD[],
      ),
    );
  // The directories' size does not depend on the offsets they hold.
  const headerLength = directories([0, 0]).length;
  const first = pages[0]?.rgba.length ?? 0;
  const header = directories([headerLength, headerLength + first]);
  const out = new Uint8Array(header.length + pages.reduce((sum, p) => sum + p.rgba.length, 0));
  out.set(header);
  let at = header.length;
  for (const { rgba } of pages) {
    out.set(rgba, at);
    at += rgba.length;
  }
  return out;
}

/** A TIFF whose one page claims width × height pixels (utif2's encoder; no pixels follow). */
export function tiffClaiming(width: number, height: number): Uint8Array {
  const ifd = {
    t256: [width],
    t257: [height],
    t258: [8],
    t259: [1],
    t262: [1],
    t273: [8],
    t277: [1],
    t278: [height],
    t279: [width * height],
  };
  return new Uint8Array(UTIF.encode([ifd as unknown as UTIF.IFD]));
}
