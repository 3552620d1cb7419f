import { SaxesParser } from "saxes";
import { ExtractionError } from "../extraction-error.js";
import type { ZipArchive } from "../zip/open-zip.js";

/** What a part's reader is told, element by element, in document order. */
export interface XmlHandlers {
  /** `name` is the element's local name ("t" for "a:t"); attributes keep their qualified names. */
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  /** Character data, entities and CDATA sections decoded. */
  text?(text: string): void;
}

/**
 * Streams one XML part of a ZIP-based document through saxes as it is inflated, so a large sheet
 * or slide is never held whole, and a handler can stop the read by throwing (a cap passed).
 * A part with a DOCTYPE is refused: Office and OpenDocument parts never declare one, and it is
 * where entity bombs ("billion laughs") and external entities (a local file's content) live.
 * saxes itself neither reads DTDs nor fetches anything, so an undeclared entity is an error.
 */
export async function readXmlPart(archive: ZipArchive, part: string, handlers: XmlHandlers): Promise<void> {
  const parser = xmlParser(part, handlers);
  const decoder = new TextDecoder("utf-8");
  await archive.stream(part, (chunk) => {
    parser.write(decoder.decode(chunk, { stream: true }));
  });
  parser.write(decoder.decode());
  parser.close();
}

/** The local part of a qualified name: "t" for "a:t". */
export function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(":") + 1);
}

/** An attribute by its local name whatever its prefix ("r:id" and "id" are different attributes). */
export function prefixedAttribute(
  attributes: Readonly<Record<string, string>>,
  local: string,
): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name.includes(":") && localName(name) === local) return value;
  }
  return undefined;
}

interface Writable {
  write(text: string): void;
  close(): void;
}

function xmlParser(part: string, handlers: XmlHandlers): Writable {
  const parser = new SaxesParser({ xmlns: false });
  parser.on("doctype", () => {
    throw new ExtractionError(
      `the part ${JSON.stringify(part)} declares a DOCTYPE (XML entities), which Office and OpenDocument files never do; refused as unsafe`,
    );
  });
  const { open, close, text } = handlers;
  if (open !== undefined) parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes));
  if (close !== undefined) parser.on("closetag", (tag) => close(localName(tag.name)));
  if (text !== undefined) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const guarded = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (error instanceof ExtractionError) throw error;
      throw new ExtractionError(`the part ${JSON.stringify(part)} is not well-formed XML`, { cause: error });
    }
  };
  return {
    write: (chunk) => guarded(() => parser.write(chunk)),
    close: () => guarded(() => parser.close()),
  };
}
