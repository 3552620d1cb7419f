const componentRef = /"#\/components\/schemas\/([A-Za-z0-9_.-]+)"/g;

/**
 * A JSON Schema made whole for use outside the OpenAPI document (an MCP tool's input schema):
 * the components its `#/components/schemas/X` references name, transitively, are copied under
 * `definitions` (draft-07's place for them) and the references point there.
 */
export function selfContained(
  schema: object,
  components: Readonly<Record<string, object>>,
): Record<string, unknown> {
  const needed = new Set<string>();
  const visit = (json: string) => {
    for (const [, name] of json.matchAll(componentRef)) {
      if (name === undefined || needed.has(name)) continue;
      const component = components[name];
      if (component === undefined) throw new Error(`no component named ${name} to make the schema whole`);
      needed.add(name);
      visit(JSON.stringify(component));
    }
  };
  const text = JSON.stringify(schema);
  visit(text);
  const local = (json: string) =>
    JSON.parse(json.replaceAll("#/components/schemas/", "#/definitions/")) as Record<string, unknown>;
  if (needed.size === 0) return JSON.parse(text) as Record<string, unknown>;
  const definitions = Object.fromEntries(
    [...needed].sort().map((name) => [name, local(JSON.stringify(components[name]))]),
  );
  return { ...local(text), definitions };
}
