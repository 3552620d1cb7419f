import { type BackupComponent, backupComponents } from "./manifest.js";

/** `full` or one component name; anything else is a usage error. */
export function parseComponents(word: string | undefined): BackupComponent[] {
  if (word === undefined || word === "full") return [...backupComponents];
  const found = backupComponents.find((c) => c === word);
  if (found === undefined)
    throw new Error(`unknown component ${JSON.stringify(word)}: use full, ${backupComponents.join(", ")}`);
  return [found];
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
