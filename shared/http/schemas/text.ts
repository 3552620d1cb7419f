import { z } from "@hono/zod-openapi";

/**
 * PostgreSQL stores no U+0000 in text or JSON, so a string that reaches the database may not
 * contain it; the contract says so with a pattern (JSON Schema cannot otherwise).
 */
export const nulFreePattern = "^[^\\u0000]*$";
const nulFree = new RegExp(nulFreePattern);

/** Text that is stored or compared in the database. */
export function storedText() {
  return z.string().regex(nulFree, "must not contain NUL (U+0000)");
}

/** Text that must say something: at least one character that is not white space (nor NUL). */
export const nonBlankPattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$";

export function nonBlankText() {
  return z.string().regex(new RegExp(nonBlankPattern), "must not be blank or contain NUL (U+0000)");
}
