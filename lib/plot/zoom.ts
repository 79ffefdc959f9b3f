// A second, zoomed panel beside a figure's main one: when a few traces span orders of magnitude and the point is in
// the others (Xavier against He, a ratio near 1), the right panel repeats only those, on their own y range. Every
// trace gets an explicit colour so a series has the same colour in both panels; copies have no legend entry.

import { Figure, Trace } from "./figure";
import { checkFigureArg, checkOptions } from "../engine/checks";

/** Plotly's default colour cycle, made explicit so copies match their originals. */
export const COLORWAY = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

export interface ZoomPanelOptions {
  /** Names of the traces to repeat on the right. */
  traces: string[];
  /** Shown above each panel. */
  mainTitle: string;
  zoomTitle: string;
  yTitle: string;
  logY?: boolean;
  /** The zoomed panel's y interval (data units); default: fitted to the repeated traces. */
  yRange?: [number, number];
}

export function withZoomPanel(fig: Figure, options: ZoomPanelOptions): Figure {
  checkFigureArg("withZoomPanel", "fig", fig);
  checkOptions("withZoomPanel", "options", options);
  const title = fig.layout.title.text;
  if (options.traces.length === 0) throw new Error(`withZoomPanel "${title}": expected at least one trace to zoom on, got none`);
  const names = fig.data.map((t) => t.name);
  for (const n of options.traces) {
    if (!names.includes(n)) throw new Error(`withZoomPanel "${title}": no trace named "${n}"; the figure has ${names.map((m) => `"${m}"`).join(", ")}`);
  }
  if (fig.data.some((t) => t.xaxis !== undefined && t.xaxis !== "x")) throw new Error(`withZoomPanel "${title}": the figure already has more than one panel`);
  const coloured: Trace[] = fig.data.map((t, i) => {
    const color = t.line?.color ?? t.marker?.color ?? COLORWAY[i % COLORWAY.length];
    return { ...t, line: { ...t.line, color }, marker: { ...t.marker, color } };
  });
  const copies: Trace[] = coloured
    .filter((t) => options.traces.includes(t.name ?? ""))
    .map((t) => ({ ...t, xaxis: "x2", yaxis: "y2", showlegend: false }));
  const log = options.logY ?? false;
  const yaxis2: Record<string, unknown> = { title: { text: options.yTitle }, type: log ? "log" : "linear", anchor: "x2" };
  if (log) yaxis2.exponentformat = "power";
  if (options.yRange) {
    const [a, b] = options.yRange;
    if (!(a < b) || (log && !(a > 0))) throw new Error(`withZoomPanel "${title}": expected a y range low < high${log ? " with low > 0" : ""}, got [${a}, ${b}]`);
    yaxis2.range = log ? [Math.log10(a), Math.log10(b)] : [a, b];
  }
  const head = (text: string, x: number) => ({ text: `<b>${text}</b>`, xref: "paper", yref: "paper", x, y: 1, xanchor: "center", yanchor: "bottom", showarrow: false });
  const annotations = [...((fig.layout.annotations as unknown[]) ?? []), head(options.mainTitle, 0.25), head(options.zoomTitle, 0.79)];
  return {
    data: [...coloured, ...copies],
    layout: {
      ...fig.layout,
      xaxis: { ...fig.layout.xaxis, domain: [0, 0.5] },
      xaxis2: { ...fig.layout.xaxis, domain: [0.6, 0.98], anchor: "y2" },
      yaxis2,
      annotations,
      legend: { orientation: "h", y: -0.2, ...(fig.layout.legend as object | undefined) },
    },
  };
}
