import type { AnalyticsText } from "./query-event.js";

/**
 * The form of a query that repeats are counted by: Unicode NFKC, lower case, inner whitespace
 * collapsed, so "Opening hours?" and " opening  HOURS? " are one query.
 */
export function normalizeQuery(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * What is stored of a query: for `hashed` an HMAC-SHA-256 of its normal form under the
 * installation's key (the same question hashes alike, and nobody without the key can test a
 * guess against the table or a backup), for `full` the hash and the text as asked, for `off`
 * neither.
 */
export async function storedQuery(
  text: string,
  keep: AnalyticsText,
  key: CryptoKey,
): Promise<{ hash: string | null; text: string | null }> {
  if (keep === "off") return { hash: null, text: null };
  const normal = normalizeQuery(text);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(normal));
  const hash = Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("");
  return { hash, text: keep === "full" ? text : null };
}

export function hashKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
}
