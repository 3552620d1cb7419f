/**
 * Document metadata: a JSON object the caller attaches at upload and filters on at query time.
 * Bounded so that every client that lists documents can read it back (Python's json module, for
 * one, stops at about 1,000 levels) and so that no check or serialisation recurses on caller input.
 */
export const metadataLimits = {
  /** Levels of nested objects and arrays, the top-level object counting as 1. */
  depth: 8,
  /** Object keys and array items over all levels. */
  entries: 256,
  /** Characters in one key. */
  keyLength: 256,
  /** The whole object serialised as JSON (UTF-8). */
  bytes: 16 * 1024,
} as const;

export type Metadata = Record<string, unknown>;

export interface MetadataIssue {
  path: (string | number)[];
  message: string;
}

export interface MetadataRules {
  /** Values must be strings, finite numbers or booleans (a query filter's key/value pairs). */
  scalarValues?: boolean;
}

const isContainer = (v: unknown): v is object => typeof v === "object" && v !== null;

/**
 * What is wrong with a metadata value, or nothing. Walks with an explicit stack, never recursion,
 * and stops at the first problem, so any input (a 30,000-level nesting included) is checked in
 * bounded time and stack. Keys are read as data: `__proto__` or `constructor` are keys like any other.
 */
export function metadataIssues(value: unknown, rules: MetadataRules = {}): MetadataIssue[] {
  if (!isContainer(value) || Array.isArray(value)) return [{ path: [], message: "Expected a JSON object" }];
  const pending: { value: object; path: (string | number)[] }[] = [{ value, path: [] }];
  let entries = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const container = next.value as Record<string | number, unknown>;
    const keys = Array.isArray(container) ? undefined : Object.keys(container);
    const count = keys?.length ?? (container as unknown as unknown[]).length;
    const keyAt = (i: number): string | number => (keys === undefined ? i : (keys[i] ?? ""));
    // Counted before any member is looked at, so an object of 100,000 keys costs no more.
    if (entries + count > metadataLimits.entries) {
      const path = [...next.path, keyAt(metadataLimits.entries - entries)];
      return [{ path, message: `At most ${metadataLimits.entries} keys and array items in all` }];
    }
    entries += count;
    for (let i = 0; i < count; i++) {
      const key = keyAt(i);
      const member = container[key];
      const path = [...next.path, key];
      if (typeof key === "string" && key.length > metadataLimits.keyLength) {
        return [{ path, message: `Keys are at most ${metadataLimits.keyLength} characters` }];
      }
      // PostgreSQL's jsonb stores no U+0000, in keys or in strings.
      if (
        (typeof key === "string" && key.includes("\u0000")) ||
        (typeof member === "string" && member.includes("\u0000"))
      ) {
        return [{ path, message: "Keys and strings must not contain NUL (U+0000)" }];
      }
      if (typeof member === "number" && !Number.isFinite(member)) {
        return [{ path, message: "Numbers must be finite" }];
      }
      if (rules.scalarValues && !["string", "number", "boolean"].includes(typeof member)) {
        return [{ path, message: "Expected a string, number or boolean" }];
      }
      if (isContainer(member)) {
        // The top-level object is level 1, so a container at path length n is level n + 1.
        if (path.length + 1 > metadataLimits.depth) {
          return [{ path, message: `Nested at most ${metadataLimits.depth} levels deep` }];
        }
        pending.push({ value: member, path });
      }
    }
  }
  // Only now, with the depth known to be small, is it safe to serialise.
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > metadataLimits.bytes) {
    return [{ path: [], message: `At most ${metadataLimits.bytes} bytes as JSON (this is ${bytes})` }];
  }
  return [];
}

/** Metadata from its JSON text (an upload's form field): the object, or what is wrong with it. */
export function parseMetadata(text: string): { metadata: Metadata } | { issues: MetadataIssue[] } {
  let value: unknown;
  try {
    // JSON.parse does not recurse on nesting, and its result keeps "__proto__" as an own key.
    value = JSON.parse(text);
  } catch {
    return { issues: [{ path: [], message: "Expected a JSON object" }] };
  }
  const issues = metadataIssues(value);
  return issues.length > 0 ? { issues } : { metadata: value as Metadata };
}
