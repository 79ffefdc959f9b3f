// A figure is plain Plotly data: traces plus a layout. Builders here return it; lib/plot/display.ts shows it.
// Being plain data, a figure can be checked by tests and saved as JSON.

import { SeriesMark, markTraces } from "./marks";
import { checkOptions } from "../engine/checks";

export interface Trace {
  type: "scatter" | "bar" | "histogram" | "heatmap";
  name?: string;
  x?: (number | string)[];
  y?: (number | string | null)[];
  z?: number[][];
  mode?: "lines" | "markers" | "lines+markers" | "markers+text";
  line?: { dash?: "solid" | "dash" | "dot"; color?: string; width?: number };
  marker?: { color?: string; size?: number };
  showlegend?: boolean;
  [key: string]: unknown;
}

export interface Axis {
  title: { text: string };
  type?: "linear" | "log";
  [key: string]: unknown;
}

export interface Layout {
  title: { text: string };
  xaxis: Axis;
  yaxis: Axis;
  showlegend: boolean;
  width?: number;
  height?: number;
  [key: string]: unknown;
}

export interface Figure {
  data: Trace[];
  layout: Layout;
}

export interface Series {
  name: string;
  x: number[];
  y: (number | null)[];
  dash?: "solid" | "dash" | "dot";
  /** Events to mark on this series (overflow to Infinity, death, early stop), with the reason on hover. */
  marks?: SeriesMark[];
}

export interface LineChartOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  series: Series[];
  logY?: boolean;
  logX?: boolean;
  /** Show only this y interval (data units), e.g. to keep a few huge values from flattening the rest. */
  yRange?: [number, number];
}

/** Lines over a shared pair of axes, one trace per series, with a legend. Non-finite y values become gaps. */
export function lineChart(options: LineChartOptions): Figure {
  checkOptions("lineChart", "options", options);
  const { title, xTitle, yTitle, series } = options;
  if (series.length === 0) throw new Error(`lineChart "${title}": expected at least one series, got none`);
  for (const s of series) {
    if (s.x.length !== s.y.length) {
      throw new Error(`lineChart "${title}": series "${s.name}" has ${s.x.length} x values but ${s.y.length} y values`);
    }
  }
  const lines: Trace[] = series.map((s) => ({
    type: "scatter",
    mode: "lines",
    name: s.name,
    x: s.x,
    y: s.y.map((v) => (v !== null && Number.isFinite(v) ? v : null)),
    ...(s.dash ? { line: { dash: s.dash } } : {}),
  }));
  const marked = series.filter((s) => s.marks !== undefined && s.marks.length > 0).map((s) => ({ name: s.name, x: s.x, y: s.y, marks: s.marks! }));
  return {
    data: [...lines, ...markTraces(marked, options.logY)],
    layout: {
      title: { text: title },
      xaxis: axis(xTitle, options.logX),
      yaxis: { ...axis(yTitle, options.logY), ...(options.yRange ? { range: axisRange(title, options.yRange, options.logY) } : {}) },
      showlegend: true,
    },
  };
}

// Log axes label their ticks as powers of ten (10⁹), not with SI prefixes (1G).
function axis(title: string, log = false): Axis {
  return log ? { title: { text: title }, type: "log", exponentformat: "power" } : { title: { text: title }, type: "linear" };
}

// Plotly takes a log axis's range in powers of ten.
function axisRange(title: string, [low, high]: [number, number], log = false): [number, number] {
  if (!(low < high) || (log && !(low > 0))) {
    throw new Error(`lineChart "${title}": expected a y range low < high${log ? " with low > 0 on a log axis" : ""}, got [${low}, ${high}]`);
  }
  return log ? [Math.log10(low), Math.log10(high)] : [low, high];
}
