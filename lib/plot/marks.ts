// Markers for what a line cannot show: the step where a run's loss became Infinity (a log axis has no place for it),
// where a network died, where a run stopped early. Each is drawn at that step, at the height of the series' last
// finite value up to it, labelled for the PNG, with the reason in the hover text.

import type { Trace } from "./figure";
import { describeValue, expectArrayLike } from "../engine/checks";

export type MarkKind = "overflow" | "dead" | "stopped";

export interface SeriesMark {
  /** The x value (e.g. the step) where it happened. */
  at: number;
  kind: MarkKind;
  /** Why, in a sentence: shown on hover. */
  reason: string;
  /** Short label printed beside the marker (default: per kind, e.g. "→ ∞"). */
  label?: string;
}

export const MARK_STYLES: Record<MarkKind, { symbol: string; legend: string; label: string; color: string }> = {
  overflow: { symbol: "x", legend: "✕ overflowed to Infinity", label: "→ ∞", color: "#d62728" },
  dead: { symbol: "circle-open", legend: "○ network died (no gradient left)", label: "dead", color: "#000000" },
  stopped: { symbol: "square", legend: "■ run stopped early", label: "stopped", color: "#7f7f7f" },
};

/** The series' last finite point with x ≤ at (non-finite values have no place on the axis), or null. */
export function markPosition(x: number[], y: (number | null)[], at: number, positiveOnly = false): { x: number; y: number } | null {
  expectArrayLike("markPosition", "x", x);
  expectArrayLike("markPosition", "y", y);
  let best: { x: number; y: number } | null = null;
  for (let i = 0; i < x.length && x[i] <= at; i++) {
    const v = y[i];
    if (v !== null && Number.isFinite(v) && (!positiveOnly || v > 0)) best = { x: x[i], y: v };
  }
  return best;
}

/** One marker trace per kind used, each with a legend entry; points lacking any finite value before them are skipped. */
export function markTraces(marked: { name: string; x: number[]; y: (number | null)[]; marks: SeriesMark[] }[], positiveOnly = false): Trace[] {
  if (!Array.isArray(marked)) throw new Error(`markTraces: expected marked to be an array of series, got ${describeValue(marked)}`);
  const kinds = Object.keys(MARK_STYLES) as MarkKind[];
  const traces: Trace[] = [];
  for (const kind of kinds) {
    const xs: number[] = [];
    const ys: number[] = [];
    const labels: string[] = [];
    const hover: string[] = [];
    for (const s of marked) {
      for (const m of s.marks) {
        if (m.kind !== kind) continue;
        const p = markPosition(s.x, s.y, m.at, positiveOnly);
        if (p === null) continue;
        xs.push(m.at);
        ys.push(p.y);
        labels.push(m.label ?? MARK_STYLES[kind].label);
        hover.push(`${s.name}: ${m.reason}`);
      }
    }
    if (xs.length === 0) continue;
    const style = MARK_STYLES[kind];
    traces.push({
      type: "scatter",
      mode: "markers+text",
      name: style.legend,
      x: xs,
      y: ys,
      text: labels,
      textposition: "top center",
      hovertext: hover,
      hoverinfo: "text",
      marker: { symbol: style.symbol, size: 13, color: style.color, line: { width: 2, color: style.color } } as Trace["marker"],
      textfont: { color: style.color },
    });
  }
  return traces;
}
