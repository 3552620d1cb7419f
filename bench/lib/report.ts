import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Machine } from "./machine.js";
import { ratios, spread } from "./stats.js";

/** One measured figure over the runs, and the baseline it is compared with in the same runs. */
export interface Row {
  metric: string;
  unit: string;
  /** One value per run. */
  values: number[];
  /** Measured in the same runs (one value per run, or one for all when it cannot vary). */
  baseline?: { name: string; values: number[] };
}

export interface Table {
  title: string;
  rows: Row[];
  note?: string;
}

export interface Report {
  name: string;
  /** YYYY-MM-DD (UTC) of the run. */
  date: string;
  quick: boolean;
  machine: Machine;
  settings: Record<string, string | number | boolean>;
  /** Wall time of the whole benchmark, stack start and stop included. */
  durationS: number;
  tables: Table[];
  /** Plain sentences: the slowest stage and its evidence, limits met or not. */
  findings: string[];
  /** Per-run detail for the JSON file only. */
  detail?: unknown;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Enough digits to compare, never a wall of them; "–" for missing. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "–";
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString("en-US");
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 1) return n.toFixed(2);
  if (a === 0) return "0";
  return n.toPrecision(2);
}

export function formatRatio(n: number): string {
  return Number.isFinite(n) ? `×${n >= 10 ? n.toFixed(1) : n.toFixed(2)}` : "–";
}

function range(values: readonly number[], format: (n: number) => string): string {
  const s = spread(values);
  return s.n > 1 ? `${format(s.min)}–${format(s.max)}` : "";
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** A table as Markdown: median (min–max) of the value, the baseline, and their ratio per run. */
export function renderTable(table: Table): string {
  const lines = [
    `### ${table.title}`,
    "",
    "| metric | median | min–max | baseline | baseline median | ratio (median) | ratio min–max |",
    "| --- | ---: | ---: | --- | ---: | ---: | ---: |",
  ];
  for (const row of table.rows) {
    const unit = row.unit ? ` ${row.unit}` : "";
    const r = row.baseline ? ratios(row.values, row.baseline.values) : [];
    lines.push(
      `| ${[
        cell(row.metric),
        `${formatNumber(spread(row.values).median)}${unit}`,
        range(row.values, formatNumber),
        cell(row.baseline?.name ?? ""),
        row.baseline ? `${formatNumber(spread(row.baseline.values).median)}${unit}` : "",
        row.baseline ? formatRatio(spread(r).median) : "",
        row.baseline ? range(r, formatRatio) : "",
      ].join(" | ")} |`,
    );
  }
  if (table.note) lines.push("", table.note);
  return lines.join("\n");
}

export function renderReport(report: Report): string {
  const m = report.machine;
  const settings = Object.entries(report.settings).map(([k, v]) => `| ${cell(k)} | ${cell(String(v))} |`);
  const versions = Object.entries({ ...m.packages, ...m.servers })
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return [
    `# Benchmark \`${report.name}\`${report.quick ? " (quick)" : ""} — ${report.date}`,
    "",
    `Machine: ${m.hostname}, ${m.cpuCount} × ${m.cpuModel}, ${m.memoryGiB.toFixed(1)} GiB, ${m.os}, Node ${m.node}. ` +
      `Load average (1 min) ${m.loadBefore.toFixed(2)} at the start, ${m.loadAfter.toFixed(2)} at the end` +
      `${m.loadBefore > m.cpuCount / 2 || m.loadAfter > m.cpuCount / 2 ? ": other work shared the CPU" : ""}. ` +
      `Wall time ${report.durationS.toFixed(0)} s.`,
    "",
    `Versions: ${versions}.`,
    "",
    "Every ratio is this run's figure divided by the baseline measured in the same run (per run, then min/median/max).",
    "",
    "| setting | value |",
    "| --- | --- |",
    ...settings,
    "",
    ...report.tables.flatMap((t) => [renderTable(t), ""]),
    ...(report.findings.length ? ["### Findings", "", ...report.findings.map((f) => `- ${f}`), ""] : []),
  ].join("\n");
}

/** Writes bench/results/<name>[-quick]-<date>.json and .md; returns their paths. */
export function writeReport(report: Report, dir: string): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${report.name}${report.quick ? "-quick" : ""}-${report.date}`);
  const paths = { json: `${base}.json`, md: `${base}.md` };
  writeFileSync(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(paths.md, renderReport(report));
  return paths;
}
