import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { sharedFixturesDir } from "./shared-fixtures.js";

/**
 * A folder for `npm run import`: real files of each kind copied from the shared fixtures at test
 * time (never into the repository), a second copy of one under another name, a program named
 * .pdf, and `extraTexts` small text files (extra/note-NN.txt) to make an import last. Sorted,
 * the import meets them in this order.
 */
export async function mixedImportFolder(dir: string, extraTexts = 0): Promise<string> {
  const fixtures = sharedFixturesDir ?? "";
  const files: [string, string][] = [
    ["a/report.pdf", join(fixtures, "docling-multi_page.pdf")],
    ["a/sub/notes.docx", join(fixtures, "docling-unit_test_headers.docx")],
    ["broken.pdf", "/bin/true"],
    ["data.csv", join(fixtures, "csvkit-Datagov_FY10_EDU_recp_by_State.csv")],
    ["readme.txt", join(fixtures, "ocrmypdf-linn.txt")],
    ["sub/copy-of-readme.txt", join(fixtures, "ocrmypdf-linn.txt")],
  ];
  for (const [to, from] of files) {
    await mkdir(dirname(join(dir, to)), { recursive: true });
    await copyFile(from, join(dir, to));
  }
  if (extraTexts > 0) await mkdir(join(dir, "extra"), { recursive: true });
  for (let i = 0; i < extraTexts; i++) {
    const n = String(i).padStart(2, "0");
    await writeFile(join(dir, "extra", `note-${n}.txt`), `Import note ${n}: a small text about item ${n}.\n`);
  }
  return dir;
}

/**
 * What importing a fresh mixedImportFolder with --wait sums up: the four files of their kinds
 * uploaded and indexed, the second copy a duplicate, the program refused.
 */
export const mixedImportSummary: Readonly<Record<string, number>> = {
  files: 6,
  uploaded: 4,
  duplicates: 1,
  "skipped (state file)": 0,
  refused: 1,
  failed: 0,
  indexed: 4,
  "index failed": 0,
};

/** The import's summary table, as counts by row label. */
export function importSummary(stdout: string): Record<string, number> {
  const table = stdout.slice(stdout.indexOf("import summary"));
  const counts: Record<string, number> = {};
  for (const m of table.matchAll(/^ {2}([a-z][a-z ()]*?) {2,}(\d+)$/gm)) counts[m[1] ?? ""] = Number(m[2]);
  return counts;
}

/** The state file's entries: one per file the collection holds. */
export async function importStateEntries(path: string): Promise<{ key: string; outcome: string }[]> {
  return (await readFile(path, "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { key: string; outcome: string });
}
