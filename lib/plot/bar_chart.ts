// Grouped bars: one group per category (e.g. an initializer), one bar per series within it (e.g. measured, predicted).
// Plain Plotly data like lineChart; display.ts shows it.

import { Figure } from "./figure";
import { checkOptions } from "../engine/checks";

export interface BarSeries {
  name: string;
  /** values[i] belongs to categories[i]; a non-finite value (e.g. a diverged run) leaves its bar out. */
  values: (number | null)[];
}

export interface BarChartOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  categories: string[];
  series: BarSeries[];
  logY?: boolean;
}

export function barChart(options: BarChartOptions): Figure {
  checkOptions("barChart", "options", options);
  const { title, categories, series } = options;
  if (categories.length === 0) throw new Error(`barChart "${title}": expected at least one category, got none`);
  if (series.length === 0) throw new Error(`barChart "${title}": expected at least one series, got none`);
  for (const s of series) {
    if (s.values.length !== categories.length) {
      throw new Error(`barChart "${title}": series "${s.name}" has ${s.values.length} values for ${categories.length} categories`);
    }
  }
  return {
    data: series.map((s) => ({
      type: "bar",
      name: s.name,
      x: categories,
      y: s.values.map((v) => (v !== null && Number.isFinite(v) && (!options.logY || v > 0) ? v : null)),
    })),
    layout: {
      title: { text: title },
      xaxis: { title: { text: options.xTitle } },
      yaxis: { title: { text: options.yTitle }, type: options.logY ? "log" : "linear", ...(options.logY ? { exponentformat: "power" } : {}) },
      showlegend: true,
      barmode: "group",
    },
  };
}
