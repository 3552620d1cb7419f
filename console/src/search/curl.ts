/** A word for a POSIX shell, in single quotes: the only character to escape is ' itself. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The request as a curl command a person can paste into a terminal. The key is never copied:
 * the command reads it from $DOCSTACK_API_KEY, so it does not land in a clipboard manager or a
 * chat. Without a key (a development install) there is no header at all.
 */
export function curlCommand(origin: string, path: string, body: unknown, withKey: boolean): string {
  const lines = [
    `curl -sS -X POST ${shellQuote(`${origin}${path}`)}`,
    `  -H 'content-type: application/json'`,
    ...(withKey ? [`  -H "authorization: Bearer $DOCSTACK_API_KEY"`] : []),
    `  --data-raw ${shellQuote(JSON.stringify(body))}`,
  ];
  return lines.join(" \\\n");
}
