import { readXmlPart } from "../xml/read-xml.js";
import type { ZipArchive } from "../zip/open-zip.js";

/**
 * The workbook's shared strings (xl/sharedStrings.xml), which text cells point at by index. A
 * string is the text of its runs; phonetic guides (rPh, furigana over Japanese) are left out,
 * as Excel shows them only on request.
 */
export async function sharedStrings(archive: ZipArchive, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (part === undefined) return strings;
  let current: string[] | undefined;
  let phonetic = 0;
  let inText = false;
  await readXmlPart(archive, part, {
    open(name) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "si") {
        strings.push((current ?? []).join(""));
        current = undefined;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText) current?.push(text);
    },
  });
  return strings;
}
