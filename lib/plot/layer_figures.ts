// Figure builders (data only) for per-layer statistics: histograms per layer, and any per-layer quantity
// (std, ratio) against depth, with optional dashed theory lines. lib/plot/display.ts shows them.

import { Figure, Trace } from "./figure";
import { Histogram } from "../train/histogram";
import { NetworkStatistics } from "../train/statistics";
import { percent } from "./log_histogram_figure";
import { checkOptions, describeValue } from "../engine/checks";

export interface LayerHistogramOptions {
  title: string;
  /** Which histogram of each hidden layer: the activations, or the gradient back-propagated to the layer (∂loss/∂h). */
  quantity: "activation" | "gradient";
  /** 1-based hidden layers to draw (default: all). */
  layers?: number[];
  /** Log-scale y axis, to see the tails next to a tall peak. */
  logY?: boolean;
}

/**
 * One line per layer over the shared bins: x = bin centres, y = fraction of that layer's values in the bin
 * (like Glorot & Bengio 2010, Fig. 6–7). A legend entry notes the share of values outside the bins, if any.
 */
export function layerHistogramsFigure(stats: NetworkStatistics, options: LayerHistogramOptions): Figure {
  checkOptions("layerHistogramsFigure", "stats (from layerStatistics)", stats);
  checkOptions("layerHistogramsFigure", "options", options);
  const layers = options.layers ?? stats.hidden.map((h) => h.layer);
  if (layers.length === 0) throw new Error(`layerHistogramsFigure "${options.title}": expected at least one layer, got none`);
  const data: Trace[] = layers.map((layer) => {
    const h = stats.hidden.find((s) => s.layer === layer);
    if (!h) throw new Error(`layerHistogramsFigure "${options.title}": no hidden layer ${layer}; the network has layers 1–${stats.hidden.length}`);
    const hist = options.quantity === "activation" ? h.activationHistogram : h.backpropGradientHistogram;
    const { centres, fractions, outside } = histogramFractions(hist);
    return {
      type: "scatter",
      mode: "lines",
      name: `layer ${layer}` + (outside > 0 ? ` (${percent(outside)} outside)` : ""),
      x: centres,
      y: fractions,
      line: { shape: "hvh" } as Trace["line"],
    };
  });
  const xTitle = options.quantity === "activation" ? `activation value (${stats.activation})` : "back-propagated gradient ∂loss/∂h";
  return {
    data,
    layout: {
      title: { text: options.title },
      xaxis: { title: { text: xTitle }, type: "linear" },
      yaxis: { title: { text: "fraction of values in bin" }, type: options.logY ? "log" : "linear" },
      showlegend: true,
      legend: { title: { text: "hidden layer" } },
    },
  };
}

/** Bin centres, each bin's share of all values (including any outside the bins), and the share outside. */
export function histogramFractions(hist: Histogram): { centres: number[]; fractions: number[]; outside: number } {
  if (hist === null || typeof hist !== "object") throw new Error(`histogramFractions: expected hist to be what histogram() returns, got ${describeValue(hist)}`);
  const total = hist.counts.reduce((a, b) => a + b, 0) + hist.below + hist.above + hist.nan;
  if (total === 0) throw new Error("histogramFractions: expected a histogram with at least one value, got none");
  const centres = hist.counts.map((_, i) => (hist.edges[i] + hist.edges[i + 1]) / 2);
  return { centres, fractions: hist.counts.map((c) => c / total), outside: (hist.below + hist.above + hist.nan) / total };
}

export interface LayerSeries {
  name: string;
  /** values[i] belongs to layer firstLayer + i. */
  values: number[];
  /** Default 1. */
  firstLayer?: number;
}

export interface PerLayerFigureOptions {
  title: string;
  yTitle: string;
  /** Default "layer". */
  xTitle?: string;
  /** Measured values: solid lines with markers. */
  measured: LayerSeries[];
  /** Predictions: dashed lines, no markers. */
  theory?: LayerSeries[];
  /** Default true: scales that multiply per layer are straight lines on a log axis. */
  logY?: boolean;
  /** Distance between x ticks (default 1: every layer; 5 reads better for 20 layers and more). */
  xTick?: number;
}

/** A per-layer quantity (std, ratio, fraction) against layer number, measured solid and predicted dashed. */
export function perLayerFigure(options: PerLayerFigureOptions): Figure {
  checkOptions("perLayerFigure", "options", options);
  const { title, measured, theory = [] } = options;
  if (measured.length === 0) throw new Error(`perLayerFigure "${title}": expected at least one measured series, got none`);
  const trace = (s: LayerSeries, dashed: boolean): Trace => {
    if (s.values.length === 0) throw new Error(`perLayerFigure "${title}": series "${s.name}" has no values`);
    const first = s.firstLayer ?? 1;
    return {
      type: "scatter",
      mode: dashed ? "lines" : "lines+markers",
      name: s.name,
      x: s.values.map((_, i) => first + i),
      y: s.values.map((v) => (Number.isFinite(v) && (options.logY === false || v > 0) ? v : null)),
      line: { dash: dashed ? "dash" : "solid" },
    };
  };
  return {
    data: [...measured.map((s) => trace(s, false)), ...theory.map((s) => trace(s, true))],
    layout: {
      title: { text: title },
      xaxis: { title: { text: options.xTitle ?? "layer" }, type: "linear", dtick: options.xTick ?? 1 },
      yaxis: { title: { text: options.yTitle }, type: options.logY === false ? "linear" : "log", exponentformat: "power" },
      showlegend: true,
    },
  };
}
