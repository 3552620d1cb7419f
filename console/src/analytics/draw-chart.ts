/**
 * uPlot (canvas, about 20 KB gzip) draws the queries chart. It styles its elements through the
 * CSSOM (element.style), which a `style-src 'self'` policy allows, and its stylesheet is bundled;
 * this module is loaded only when the analytics page draws a chart.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartColumns } from "./series.js";

export interface DrawnChart {
  resize(width: number): void;
  destroy(): void;
}

/** Draws into `box` at its size; `onHover` gets the bucket under the pointer (null when it leaves). */
export function drawChart(
  box: HTMLElement,
  columns: ChartColumns,
  onHover: (index: number | null) => void,
): DrawnChart {
  // Canvas cannot read CSS variables: the page's own colours, read once.
  const css = getComputedStyle(box);
  const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const fg = colour("--fg", "#1b1f24");
  const grid = colour("--line", "#d0d7de");
  const queries = colour("--accent", "#0b5cad");
  const zero = colour("--error", "#b3261e");
  const latency = colour("--muted", "#57606a");
  const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const fromZero: uPlot.Range.Function = (_u, _min, max) => [0, Math.max(1, max || 0)];

  const chart = new uPlot(
    {
      width: box.clientWidth,
      height: box.clientHeight,
      legend: { show: false },
      // Looking, not zooming: a drag selects nothing.
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, count: { range: fromZero }, ms: { range: fromZero } },
      ...(columns.bucket === "day"
        ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC") }
        : {}),
      axes: [
        axis,
        { ...axis, scale: "count", label: "queries", size: 48 },
        { ...axis, scale: "ms", side: 1, label: "p95 ms", size: 56, grid: { show: false } },
      ],
      series: [
        {},
        {
          label: "Queries",
          scale: "count",
          stroke: queries,
          fill: `${queries}40`,
          width: 1,
          paths: uPlot.paths.bars?.({ size: [0.7, 48] }),
        },
        { label: "Found nothing", scale: "count", stroke: zero, width: 2, dash: [8, 4] },
        { label: "Latency p95", scale: "ms", stroke: latency, width: 2, dash: [2, 3], spanGaps: false },
      ],
      hooks: {
        setCursor: [(u) => onHover(u.cursor.idx ?? null)],
      },
    },
    [columns.x, columns.queries, columns.zeroResults, columns.p95],
    box,
  );
  return {
    resize: (width) => chart.setSize({ width, height: box.clientHeight }),
    destroy: () => chart.destroy(),
  };
}
