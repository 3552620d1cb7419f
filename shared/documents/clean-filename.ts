/** The longest name a document may have, once cleaned (characters). */
export const filenameMaxLength = 1000;

/**
 * The name a document is stored and shown under: what a careful user expects from a file they
 * picked, and nothing a header, a path or a screen could be fooled by.
 * - Only the last path segment (clients may send "C:\\Users\\me\\a.pdf" or "../../etc/passwd";
 *   the name is a label, objects are stored under documents/<uuid> whatever it says).
 * - No control characters (CR/LF would split a header; NUL truncates in C code downstream) and
 *   no bidirectional overrides, which can make "report‮fdp.exe" read as "reportexe.pdf".
 * - Unicode NFC, trimmed; "." and ".." alone are not names.
 * Undefined when nothing is left: the caller answers 400.
 */
export function cleanFilename(raw: string): string | undefined {
  const lastSegment = raw.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, "")
    .trim();
  if (cleaned === "" || cleaned === "." || cleaned === "..") return undefined;
  return cleaned;
}
