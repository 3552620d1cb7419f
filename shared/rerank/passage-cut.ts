/** A cut may move back this far (a share of the limit) to end at a word boundary. */
const boundarySlack = 0.2;

/**
 * The passage's first `maxChars` characters (UTF-16 code units), ended at the last whitespace
 * within the limit's final fifth so no word is sent half, and never between the two halves of
 * a surrogate pair. A cross-encoder reads about 512 tokens of query and passage together, so the
 * rest would be cut by the model anyway; cutting here bounds what each request carries.
 */
export function cutPassage(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  const floor = Math.floor(end * (1 - boundarySlack));
  for (let i = end; i >= floor; i--) {
    if (/\s/.test(text.charAt(i))) return text.slice(0, i).trimEnd();
  }
  return text.slice(0, end);
}
