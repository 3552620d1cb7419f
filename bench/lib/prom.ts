/** Reading the functions' Prometheus text (`/metrics`) for before/after deltas. Pure parsing. */

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const line = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const label = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheus(text: string): PromSample[] {
  const samples: PromSample[] = [];
  for (const raw of text.split("\n")) {
    const m = line.exec(raw.trim());
    if (m === null || raw.startsWith("#")) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(label)) {
      labels[l[1] ?? ""] = (l[2] ?? "").replace(/\\n/g, "\n").replace(/\\(.)/g, "$1");
    }
    const value = m[3] === "+Inf" ? Number.POSITIVE_INFINITY : Number(m[3]);
    samples.push({ name: m[1] ?? "", labels, value });
  }
  return samples;
}

/** Sum of every sample named `name` whose labels include `match`. */
export function sumOf(
  samples: readonly PromSample[],
  name: string,
  match: Record<string, string> = {},
): number {
  return samples
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((a, s) => a + s.value, 0);
}

/** Per value of `by`: the sum of the matching samples (e.g. stage -> seconds). */
export function sumBy(
  samples: readonly PromSample[],
  name: string,
  by: string,
  match: Record<string, string> = {},
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) {
    if (s.name !== name || !Object.entries(match).every(([k, v]) => s.labels[k] === v)) continue;
    const key = s.labels[by];
    if (key !== undefined) out[key] = (out[key] ?? 0) + s.value;
  }
  return out;
}

/** after - before, per key (keys missing before count from zero). */
export function delta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}

export async function scrape(url: string): Promise<PromSample[]> {
  const r = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (!r.ok) throw new Error(`${url}/metrics: ${r.status}`);
  return parsePrometheus(await r.text());
}
