// A slider over precomputed figures: one figure per setting (an init scale, a depth, a seed), combined into one Plotly
// figure whose slider swaps the traces' data and the layout's changing parts ("update" steps). Everything lives in
// the figure's JSON, so it works in JupyterLab, in the rendered HTML with no kernel and no network, and the PNG copy
// shows the active step. Axes that would rescale from step to step get one fixed range, so movement is visible.

import { Figure } from "./figure";
import { checkFigureArg, checkOptions } from "../engine/checks";

export interface SliderStep {
  /** The tick label, e.g. "0.5" or "depth 20". */
  label: string;
  figure: Figure;
}

export interface SliderFigureOptions {
  /** Shown before the active step's label, e.g. "σ·√fan_in = ". */
  prefix: string;
  steps: SliderStep[];
  /** The step shown first (and in the PNG); default 0. */
  active?: number;
}

// Trace keys that may change from step to step; anything else must be the same in every step.
const TRACE_KEYS = ["x", "y", "z", "text", "hovertext", "customdata", "name", "marker", "line", "hovertemplate"] as const;

export function sliderFigure(options: SliderFigureOptions): Figure {
  checkOptions("sliderFigure", "options", options);
  const { steps, prefix } = options;
  const active = options.active ?? 0;
  if (steps.length < 2) throw new Error(`sliderFigure: expected at least 2 steps, got ${steps.length}`);
  if (!Number.isInteger(active) || active < 0 || active >= steps.length) {
    throw new Error(`sliderFigure: expected active to be a step index 0–${steps.length - 1}, got ${active}`);
  }
  const first = steps[0].figure;
  steps.forEach((s, i) => {
    if (s.figure.data.length !== first.data.length) {
      throw new Error(`sliderFigure: step ${i} ("${s.label}") has ${s.figure.data.length} traces, step 0 has ${first.data.length}; every step must draw the same traces`);
    }
    s.figure.data.forEach((t, k) => {
      if (t.type !== first.data[k].type) throw new Error(`sliderFigure: trace ${k} is a ${t.type} in step ${i} ("${s.label}") but a ${first.data[k].type} in step 0`);
    });
  });
  const figures = shareColorScale(fixScatterRanges(steps.map((s) => s.figure)));
  const traceKeys = TRACE_KEYS.filter((key) => figures.some((f) => f.data.some((t, k) => !same(t[key], figures[0].data[k][key]))));
  const layoutKeys = Object.keys(figures[0].layout).filter((key) => key !== "sliders" && figures.some((f) => !same(f.layout[key], figures[0].layout[key])));
  const base = clone(figures[active]);
  base.layout.sliders = [
    {
      active,
      currentvalue: { prefix, visible: true, xanchor: "left" },
      pad: { t: 60 },
      steps: steps.map((s, i) => ({
        label: s.label,
        method: "update",
        args: [
          Object.fromEntries(traceKeys.map((key) => [key, figures[i].data.map((t) => (t[key] === undefined ? null : clone(t[key])))])),
          Object.fromEntries(layoutKeys.map((key) => [key, clone(figures[i].layout[key])])),
        ],
      })),
    },
  ];
  base.layout.margin = { b: 130, ...(base.layout.margin as object | undefined) };
  return base;
}

/** Steps of a slider figure as a list of labels (for summaries and tests). */
export function sliderLabels(fig: Figure): string[] {
  checkFigureArg("sliderLabels", "fig", fig);
  const sliders = fig.layout.sliders as { steps: { label: string }[] }[] | undefined;
  return sliders?.[0]?.steps.map((s) => s.label) ?? [];
}

// One colour range for every step: otherwise the same colour would mean different shares on different steps.
function shareColorScale(figures: Figure[]): Figure[] {
  const axes = figures.map((f) => f.layout.coloraxis as { cmin?: number; cmax?: number } | undefined);
  if (axes.every((a) => a === undefined)) return figures;
  const cmin = Math.min(...axes.map((a) => a?.cmin ?? Infinity));
  const cmax = Math.max(...axes.map((a) => a?.cmax ?? -Infinity));
  return figures.map((f) => {
    if (f.layout.coloraxis === undefined) return f;
    const g = clone(f);
    g.layout.coloraxis = { ...(g.layout.coloraxis as object), cmin, cmax };
    return g;
  });
}

// Scatter axes without an explicit range get the range of their data over all steps (log axes in decades).
function fixScatterRanges(figures: Figure[]): Figure[] {
  const out = figures.map(clone);
  const axisNames = new Set<string>();
  for (const f of out) {
    for (const t of f.data) {
      if (t.type !== "scatter") continue;
      axisNames.add(axisKey("x", t.xaxis));
      axisNames.add(axisKey("y", t.yaxis));
    }
  }
  for (const name of axisNames) {
    const axis = out[0].layout[name] as { type?: string; range?: unknown } | undefined;
    if (axis === undefined || axis.range !== undefined) continue;
    const log = axis.type === "log";
    const letter = name[0] as "x" | "y";
    let lo = Infinity;
    let hi = -Infinity;
    for (const f of out) {
      for (const t of f.data) {
        if (t.type !== "scatter" || axisKey(letter, letter === "x" ? t.xaxis : t.yaxis) !== name) continue;
        for (const v of (t[letter] ?? []) as unknown[]) {
          if (typeof v !== "number" || !Number.isFinite(v) || (log && v <= 0)) continue;
          const u = log ? Math.log10(v) : v;
          if (u < lo) lo = u;
          if (u > hi) hi = u;
        }
      }
    }
    if (!(lo <= hi)) continue;
    const pad = hi > lo ? 0.05 * (hi - lo) : log ? 0.5 : Math.abs(lo) * 0.1 || 1;
    for (const f of out) f.layout[name] = { ...(f.layout[name] as object), range: [lo - pad, hi + pad] };
  }
  return out;
}

function axisKey(letter: "x" | "y", ref: unknown): string {
  const suffix = typeof ref === "string" ? ref.slice(1) : "";
  return `${letter}axis${suffix}`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

