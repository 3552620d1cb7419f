export type MetadataFilter = Record<string, string | number | boolean>;

/**
 * "key = value" lines into the query's metadata filter. A value that reads as a JSON number,
 * boolean or string ("2024", true, "2024") is taken as that; anything else is text as written.
 */
export function parseMetadataFilter(text: string): { filter: MetadataFilter } | { error: string } {
  const filter: MetadataFilter = {};
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const eq = line.indexOf("=");
    if (eq <= 0) return { error: `Line ${i + 1}: write key = value` };
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key === "") return { error: `Line ${i + 1}: the key is empty` };
    filter[key] = scalar(value);
  }
  return { filter };
}

function scalar(value: string): string | number | boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === "number" || typeof parsed === "boolean" || typeof parsed === "string")
      return parsed;
  } catch {
    // Not JSON: the text as written.
  }
  return value;
}
