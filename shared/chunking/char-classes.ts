/** Exactly the characters String.prototype.trim removes, so chunks bounded by atoms are trimmed. */
export function isWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** How many line breaks the whitespace character at `i` contributes (CRLF counts once). */
export function lineBreakWeight(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x0a || c === 0x2028 || c === 0x0b) return 1;
  if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? 0 : 1;
  // Form feed (page break) and the paragraph separator end a paragraph on their own.
  if (c === 0x0c || c === 0x2029) return 2;
  return 0;
}

/** ".", "!", "?" and "…", which end a sentence when whitespace follows. */
export function isSpacedSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** CJK full stops end a sentence without any following space. */
export function isCjkSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** Closing quotes and brackets that may trail a sentence end: `He said "no."` */
export function isCloser(c: number): boolean {
  return (
    c === 0x22 || // "
    c === 0x27 || // '
    c === 0x29 || // )
    c === 0x5d || // ]
    c === 0x7d || // }
    c === 0xbb || // »
    c === 0x2019 || // ’
    c === 0x201d || // ”
    c === 0x3009 || // 〉
    c === 0x300b || // 》
    c === 0x300d || // 」
    c === 0x300f || // 』
    c === 0x3011 || // 】
    c === 0xff09 // ）
  );
}
