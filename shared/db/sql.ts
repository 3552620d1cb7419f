/**
 * A minimal SQL template tag. It keeps values out of the text (always bound as $n parameters)
 * and lets fragments nest, so one statement can be assembled from optional filter pieces.
 * Both database adapters run the rendered { text, params }, so the same SQL runs on PGlite and
 * on a real server.
 */
export class SqlFragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  return new SqlFragment([...strings], values);
}

/** Trusted SQL text (identifiers built by code, never by users). */
export function raw(text: string): SqlFragment {
  return new SqlFragment([text], []);
}

export const empty = raw("");

export function join(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  if (fragments.length === 0) return empty;
  // n fragments need n + 1 strings around them: "" f0 sep f1 sep ... f(n-1) "".
  const strings = ["", ...Array<string>(fragments.length - 1).fill(separator), ""];
  return new SqlFragment(strings, fragments);
}

/** AND-joins conditions; an empty list is `true`. */
export function and(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length === 0 ? raw("true") : join(conditions, " and ");
}

export interface RenderedSql {
  text: string;
  params: unknown[];
}

export function render(fragment: SqlFragment): RenderedSql {
  const params: unknown[] = [];
  const walk = (f: SqlFragment): string => {
    let text = f.strings[0] ?? "";
    f.values.forEach((value, i) => {
      if (value instanceof SqlFragment) {
        text += walk(value);
      } else {
        // postgres.js refuses undefined; PGlite would bind NULL (`limit NULL` is no limit at all).
        // Refusing it here makes both engines fail the same way, at the bug.
        if (value === undefined) throw new TypeError(`undefined SQL parameter $${params.length + 1}`);
        params.push(value);
        text += `$${params.length}`;
      }
      text += f.strings[i + 1] ?? "";
    });
    return text;
  };
  return { text: walk(fragment), params };
}
