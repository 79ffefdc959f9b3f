// Histogram counts over fixed bin edges: the data behind the per-layer histogram figures.

import { expectArrayLike } from "../engine/checks";

/** counts[i] holds values v with edges[i] ≤ v < edges[i+1] (the last bin also takes v = its right edge). */
export interface Histogram {
  edges: number[];
  counts: number[];
  /** Values left of edges[0] and right of the last edge: reported, never silently dropped. */
  below: number;
  above: number;
  /** NaN values, which fall in no bin. */
  nan: number;
}

/** `bins` equal-width bins from lo to hi: bins + 1 edges. */
export function uniformEdges(lo: number, hi: number, bins: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
    throw new Error(`uniformEdges: expected finite lo < hi, got lo=${lo}, hi=${hi}`);
  }
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`uniformEdges: expected a positive integer number of bins, got ${bins}`);
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + ((hi - lo) * i) / bins));
}

export function histogram(values: ArrayLike<number>, edges: readonly number[]): Histogram {
  expectArrayLike("histogram", "values", values);
  expectArrayLike("histogram", "edges", edges);
  if (edges.length < 2) throw new Error(`histogram: expected at least 2 bin edges, got ${edges.length}`);
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) throw new Error(`histogram: expected strictly increasing edges, got ${edges[i - 1]} then ${edges[i]} at ${i}`);
  }
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  let nan = 0;
  const lo = edges[0];
  const hi = edges[bins];
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (Number.isNaN(v)) nan++;
    else if (v < lo) below++;
    else if (v > hi) above++;
    else counts[findBin(edges, v)]++;
  }
  return { edges: [...edges], counts, below, above, nan };
}

/** Binary search for the bin holding v (lo ≤ v ≤ hi); v equal to the last edge goes in the last bin. */
export function findBin(edges: readonly number[], v: number): number {
  let a = 0;
  let b = edges.length - 1;
  while (b - a > 1) {
    const m = (a + b) >> 1;
    if (v >= edges[m]) a = m;
    else b = m;
  }
  return a;
}
