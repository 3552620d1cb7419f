import { ExtractionError } from "../extraction-error.js";
import { readXmlPart } from "../xml/read-xml.js";
import type { ZipArchive } from "../zip/open-zip.js";

/** One relationship of an OOXML part: its id, its type's last path segment and the part it names. */
export interface Relationship {
  id: string;
  /** "slide", "notesSlide", "worksheet", "sharedStrings", "officeDocument", ... */
  type: string;
  /** The target's path inside the archive; undefined for an external target (a URL). */
  part: string | undefined;
}

/**
 * The relationships of `part` (its `_rels/<name>.rels`), targets resolved against the part's
 * folder. A part without relationships has none: that is no error.
 */
export async function relationshipsOf(archive: ZipArchive, part: string): Promise<Relationship[]> {
  const folder = part.slice(0, part.lastIndexOf("/") + 1);
  const relsPart = `${folder}_rels/${part.slice(folder.length)}.rels`;
  if (!hasPart(archive, relsPart)) return [];
  const found: Relationship[] = [];
  await readXmlPart(archive, relsPart, {
    open(name, attributes) {
      if (name !== "Relationship") return;
      const { Id: id, Type: type, Target: target, TargetMode: mode } = attributes;
      if (id === undefined || type === undefined || target === undefined) return;
      found.push({
        id,
        type: type.slice(type.lastIndexOf("/") + 1),
        part: mode === "External" ? undefined : resolvePart(folder, target),
      });
    },
  });
  return found;
}

export function hasPart(archive: ZipArchive, part: string): boolean {
  return archive.entries.some((entry) => entry.name === part);
}

/** The main part a package's root relationships point at ("xl/workbook.xml"), or `fallback`. */
export async function mainPart(archive: ZipArchive, fallback: string): Promise<string> {
  const root = await relationshipsOf(archive, "");
  const main = root.find((r) => r.type === "officeDocument")?.part ?? fallback;
  if (!hasPart(archive, main)) throw new ExtractionError(`the file has no ${JSON.stringify(main)} part`);
  return main;
}

/** A target relative to `folder` ("../slides/slide1.xml") or to the package root ("/xl/...") as an entry name. */
export function resolvePart(folder: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `${folder}${target}`;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  const joined = out.join("/");
  try {
    return decodeURI(joined);
  } catch {
    // A malformed escape names no part; the lookup that follows reports it as missing.
    return joined;
  }
}
