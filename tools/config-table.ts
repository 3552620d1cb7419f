import { type Config, configSchema } from "../shared/config.js";

/**
 * The configuration table of docs/configuration.md, rendered from the schema so the two cannot
 * drift apart.
 */
export function configTable(): string {
  const defaults = configSchema.parse({}) as Partial<Config>;
  const rows = Object.keys(configSchema.shape).map((name) => {
    const value = defaults[name as keyof Config];
    const shown = value === undefined ? "(unset)" : `\`${String(value)}\``;
    const description = configSchema.shape[name as keyof typeof configSchema.shape].description ?? "";
    return `| \`${name}\` | ${shown} | ${description} |`;
  });
  return ["| variable | default | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}
