import { decodeWith } from "./decode-text.js";
import { chooseEncoding } from "./text-encoding.js";

/**
 * Whether the first bytes of a file (up to 8 KiB) are text in some encoding. Binary is decided
 * by content, after the encoding: a byte order mark or the detector first (UTF-16 and UTF-32
 * text are full of NUL bytes), then the decoded characters must hold no NUL and at most 2%
 * controls (C0 other than tab, line feed, form feed and carriage return; DEL; C1), private-use
 * characters and replacement characters (what random bytes after a byte order mark decode to).
 * The detector itself names no encoding for executables, images, archives and compressed or
 * random bytes.
 */
export function looksLikeText(head: Uint8Array, options: { html: boolean } = { html: false }): boolean {
  const choice = chooseEncoding(head, options);
  if (choice === undefined) return false;
  if (choice.source === "undetected") return fewControlBytes(head);
  // The head may end mid-character: drop what that cut may have turned into U+FFFD.
  const text = decodeWith(head, choice).replace(/\uFFFD$/, "");
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (isSuspicious(c)) suspicious++;
  }
  // Up to 2% tolerates e.g. the odd ANSI escape in a log file while rejecting binary formats.
  return suspicious * 50 <= text.length;
}

function isSuspicious(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d;
  return (c >= 0x7f && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd;
}

/**
 * Where no detector can name the encoding (Workers), bytes of 0x80 and up are taken for the
 * characters of some legacy encoding (decoded as Windows-1252, Shift_JIS lead bytes would count
 * as C1 controls): text has no NUL and few other control bytes; binary data has plenty.
 */
function fewControlBytes(head: Uint8Array): boolean {
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false;
    if ((b < 0x20 && isSuspicious(b)) || b === 0x7f) controls++;
  }
  return controls * 50 <= head.length;
}
