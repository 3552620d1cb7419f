import { writeFileSync } from "node:fs";
import { type Canvas, createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, type Plugin, registerables } from "chart.js";

Chart.register(...registerables);

export interface Series {
  label: string;
  points: [x: number, y: number][];
  /** A dashed line: a goal or a baseline rather than a measurement. */
  dashed?: boolean;
}

export interface Panel {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** A logarithmic x axis (concurrency ladders). */
  logX?: boolean;
}

const colours = ["#c0392b", "#1f6fb2", "#7f8c8d", "#27ae60", "#8e44ad", "#d35400"];

/** PNG has no page colour: without a fill the lines sit on transparency, unreadable in dark viewers. */
const whiteBackground: Plugin = {
  id: "white-background",
  beforeDraw: (chart) => {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Draws `panel` at (0, y) of `target`. */
function drawPanel(panel: Panel, target: Canvas, y: number, height: number): void {
  const canvas = createCanvas(target.width, height);
  const config: ChartConfiguration<"scatter"> = {
    type: "scatter",
    data: {
      datasets: panel.series.map((s, i) => ({
        label: s.label,
        data: s.points.map(([x, y]) => ({ x, y })),
        showLine: true,
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        borderDash: s.dashed ? [6, 4] : [],
        pointRadius: s.dashed ? 0 : 3,
        borderWidth: 2,
      })),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      plugins: {
        title: { display: true, text: panel.title, font: { size: 16 } },
        legend: { position: "bottom" },
      },
      scales: {
        x: {
          type: panel.logX ? "logarithmic" : "linear",
          title: { display: true, text: panel.xLabel },
        },
        y: { beginAtZero: true, title: { display: true, text: panel.yLabel } },
      },
    },
    plugins: [whiteBackground],
  };
  // Chart.js draws on any 2D context; @napi-rs/canvas's is the one this project already ships.
  const chart = new Chart(canvas.getContext("2d") as unknown as CanvasRenderingContext2D, config);
  target.getContext("2d").drawImage(canvas, 0, y);
  // After the copy: destroying a chart clears its canvas.
  chart.destroy();
}

/** Panels stacked in one PNG at `path`. */
export function writePlot(path: string, panels: Panel[], width = 960, panelHeight = 420): void {
  const out = createCanvas(width, panelHeight * panels.length);
  panels.forEach((panel, i) => {
    drawPanel(panel, out, i * panelHeight, panelHeight);
  });
  writeFileSync(path, out.toBuffer("image/png"));
}
