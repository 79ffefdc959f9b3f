// Per-layer histograms as a layer × log₁₀|value| heat map: one row per hidden layer, one column per quarter decade,
// colour = share of the layer's values in the bin, on a log scale (a tall peak would otherwise wash out the tails).
// Side-by-side panels (e.g. two weight scales) share the x range and ONE colour scale, so equal colours mean equal
// shares across the whole figure. Values with no place on the axis (exact zeros, ±Infinity/NaN, outside the bins)
// are stated per layer at the right of each row.

import { Figure, Trace } from "./figure";
import { LogHistogram } from "../train/log_histogram";
import { NetworkStatistics } from "../train/statistics";
import { checkOptions, describeValue } from "../engine/checks";

export interface LogHistogramPanel {
  /** Shown above the panel, e.g. "W·0.01". */
  name: string;
  stats: NetworkStatistics;
}

export interface LayerLogHistogramOptions {
  title: string;
  quantity: "activation" | "gradient";
  /** Bottom of the colour scale, a share (default 10⁻⁴); smaller shares get its colour. Top is always 100 %. */
  zMin?: number;
  /** Vertical dashed lines at these decades, with a label, e.g. tanh's saturation at log₁₀ 0.97. */
  markers?: { at: number; label: string }[];
}

/** The colour scale over log₁₀(share): empty bins are left blank (null), so any nonzero share shows at least the lightest blue. */
export const HEAT_COLORSCALE: [number, string][] = [
  [0, "#deebf7"],
  [0.25, "#9ecae1"],
  [0.5, "#4292c6"],
  [0.75, "#2171b5"],
  [1, "#08306b"],
];

const GAP = 0.08;

export function layerLogHistogramFigure(panels: LogHistogramPanel[], options: LayerLogHistogramOptions): Figure {
  if (!Array.isArray(panels)) throw new Error(`layerLogHistogramFigure: expected panels to be an array, got ${describeValue(panels)}`);
  checkOptions("layerLogHistogramFigure", "options", options);
  const { title, quantity } = options;
  if (panels.length === 0) throw new Error(`layerLogHistogramFigure "${title}": expected at least one panel, got none`);
  const symbol = quantity === "activation" ? "|a|" : "|∂L/∂h|";
  const hists = panels.map((p) => {
    if (p.stats.hidden.length === 0) throw new Error(`layerLogHistogramFigure "${title}": panel "${p.name}" has no hidden layers`);
    return p.stats.hidden.map((h) => (quantity === "activation" ? h.activationLogHistogram : h.backpropGradientLogHistogram));
  });
  const lo = Math.min(...hists.map((hs) => hs[0].edges[0]));
  const hi = Math.max(...hists.map((hs) => hs[0].edges[hs[0].edges.length - 1]));
  const zMin = options.zMin ?? 1e-4;
  if (!(zMin > 0 && zMin < 1)) throw new Error(`layerLogHistogramFigure "${title}": expected zMin in (0, 1), got ${zMin}`);
  const lowest = Math.log10(zMin);
  const ticks = Array.from({ length: Math.floor(-lowest) + 1 }, (_, i) => -i).reverse();
  // Room on the right of every row for its note of what lies off the axis.
  const noted = hists.some((hs) => hs.some((h) => logHistogramShares(h).note !== ""));
  const right = noted ? hi + 0.2 * (hi - lo) : hi;
  const width = (1 - GAP * (panels.length - 1)) / panels.length;
  const data: Trace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  const shapes: Record<string, unknown>[] = [];
  panels.forEach((panel, p) => {
    const suffix = p === 0 ? "" : String(p + 1);
    const layers = panel.stats.hidden.map((h) => h.layer);
    const rows = hists[p].map(logHistogramShares);
    data.push({
      type: "heatmap",
      name: panel.name,
      x: rows[0].centres,
      y: layers,
      z: rows.map((r) => r.shares.map((v) => (v === null ? null : Math.log10(v)))) as number[][],
      customdata: rows.map((r) => r.shares) as unknown as number[][],
      coloraxis: "coloraxis",
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      hovertemplate: `${panel.name}, layer %{y}<br>${symbol} ≈ 10^%{x:.2f}: %{customdata:.2%} of the layer's values<extra></extra>`,
    });
    const start = p * (width + GAP);
    layout[`xaxis${suffix}`] = {
      title: { text: `log₁₀ ${symbol}` },
      type: "linear",
      range: [lo, right],
      domain: [start, start + width],
      anchor: `y${suffix}`,
      zeroline: false,
    };
    layout[`yaxis${suffix}`] = {
      title: { text: p === 0 ? "hidden layer" : "" },
      type: "linear",
      dtick: 1,
      anchor: `x${suffix}`,
      range: [layers[0] - 0.5, layers[layers.length - 1] + 0.5],
    };
    annotations.push({ text: `<b>${panel.name}</b>`, xref: "paper", yref: "paper", x: start + width / 2, y: 1.0, xanchor: "center", yanchor: "bottom", showarrow: false });
    rows.forEach((r, l) => {
      if (r.note === "") return;
      annotations.push({ text: r.note, xref: `x${suffix}`, yref: `y${suffix}`, x: right, y: layers[l], xanchor: "right", showarrow: false, font: { size: 10, color: "#b2182b" } });
    });
    for (const m of options.markers ?? []) {
      shapes.push({ type: "line", xref: `x${suffix}`, yref: `y${suffix} domain`, x0: m.at, x1: m.at, y0: 0, y1: 1, line: { dash: "dash", width: 1, color: "#555" } });
      annotations.push({ text: m.label, xref: `x${suffix}`, yref: `y${suffix} domain`, x: m.at, y: 1, xanchor: "right", yanchor: "top", showarrow: false, font: { size: 10, color: "#555" } });
    }
  });
  const xaxis = layout.xaxis as Figure["layout"]["xaxis"];
  const yaxis = layout.yaxis as Figure["layout"]["yaxis"];
  delete layout.xaxis;
  delete layout.yaxis;
  return {
    data,
    layout: {
      title: { text: title },
      xaxis,
      yaxis,
      ...layout,
      showlegend: false,
      coloraxis: {
        colorscale: HEAT_COLORSCALE,
        cmin: lowest,
        cmax: 0,
        colorbar: { title: { text: "share of<br>layer's values" }, tickvals: ticks, ticktext: ticks.map((t) => percent(10 ** t)) },
      },
      annotations,
      shapes,
    },
  };
}

/** Each bin's share of all the layer's values (blank where empty), and a note of what lies off the axis. */
export function logHistogramShares(h: LogHistogram): { centres: number[]; shares: (number | null)[]; note: string } {
  checkOptions("logHistogramShares", "h (from logMagnitudeHistogram)", h);
  if (h.total === 0) throw new Error("logHistogramShares: expected a histogram of at least one value, got none");
  const centres = h.counts.map((_, i) => (h.edges[i] + h.edges[i + 1]) / 2);
  const shares = h.counts.map((c) => (c === 0 ? null : c / h.total));
  const parts: string[] = [];
  if (h.zero > 0) parts.push(`${percent(h.zero / h.total)} = 0`);
  if (h.nonFinite > 0) parts.push(`${percent(h.nonFinite / h.total)} ±∞/NaN`);
  if (h.below > 0) parts.push(`${percent(h.below / h.total)} below 10^${h.edges[0]}`);
  if (h.above > 0) parts.push(`${percent(h.above / h.total)} above 10^${h.edges[h.edges.length - 1]}`);
  return { centres, shares, note: parts.join(", ") };
}

/** A share as a short percentage: "52%", "0.4%", "0.003%". */
export function percent(f: number): string {
  return f >= 0.01 ? `${(100 * f).toFixed(0)}%` : `${(100 * f).toPrecision(1)}%`;
}
