const units = ["B", "KB", "MB", "GB", "TB"];

/** 1536 → "1.5 KB": sizes as a person reads them (powers of 1024, one decimal below 10). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** A timestamp in the reader's own locale and time zone. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString();
}
