import { ExtractionError } from "../extraction-error.js";
import { hasPart } from "../office/package-parts.js";
import { readXmlPart, type XmlHandlers } from "../xml/read-xml.js";
import { openZip } from "../zip/open-zip.js";
import type { ZipLimits } from "../zip/zip-limits.js";

// Inside these, nothing is the document's text: comments, the marks of footnotes, deleted text
// kept for change tracking, a slide's thumbnail.
const notText = new Set(["annotation", "note-citation", "tracked-changes", "page-thumbnail"]);

/** What an OpenDocument reader is told about content.xml, with the inline markup already resolved. */
export interface OdfHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /** Text, with text:s, text:tab and text:line-break turned into spaces, tabs and line breaks. */
  text(text: string): void;
}

/**
 * Streams an OpenDocument file's content.xml (ODT, ODS, ODP) to `handlers`, leaving out what is
 * not text (comments, footnote marks, tracked deletions). `hidden` collects the automatic styles
 * that hide what uses them: a sheet (table:display="false") or a slide
 * (presentation:visibility="hidden"), which the handlers may then leave out.
 */
export async function readOdfContent(
  bytes: Uint8Array,
  zip: ZipLimits,
  handlers: OdfHandlers,
): Promise<void> {
  const archive = await openZip(bytes, zip);
  if (!hasPart(archive, "content.xml")) throw new ExtractionError("the OpenDocument file has no content.xml");
  let skipped = 0;
  const inner: XmlHandlers = {
    open(name, attributes) {
      if (skipped > 0 || notText.has(name)) {
        skipped++;
        return;
      }
      if (name === "s") handlers.text(" ".repeat(Math.min(Number(attributes["text:c"] ?? 1) || 1, 1000)));
      else if (name === "tab") handlers.text("\t");
      else if (name === "line-break") handlers.text("\n");
      else handlers.open(name, attributes);
    },
    close(name) {
      if (skipped > 0) skipped--;
      else handlers.close(name);
    },
    text(text) {
      if (skipped === 0) handlers.text(text);
    },
  };
  await readXmlPart(archive, "content.xml", inner);
}

/**
 * Names of automatic styles that hide a sheet or a slide, gathered while content.xml streams by
 * (they come before the body): open() is to be called for each element.
 */
export class HiddenStyles {
  private readonly names = new Set<string>();
  private style: string | undefined;

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === "style") this.style = attributes["style:name"];
    else if (
      this.style !== undefined &&
      (attributes["table:display"] === "false" || attributes["presentation:visibility"] === "hidden")
    ) {
      this.names.add(this.style);
    }
  }

  hides(styleName: string | undefined): boolean {
    return styleName !== undefined && this.names.has(styleName);
  }
}
