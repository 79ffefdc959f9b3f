// Histogram of log₁₀|v|: the data behind the per-layer heat maps. Signals that shrink or grow by a constant factor per
// layer move by a constant number of decades, so every layer stays visible on one axis, where linear bins shared by
// all layers squeeze the small ones into the bin at 0.

import { findBin } from "./histogram";
import { describeValue, expectArrayLike } from "../engine/checks";

/** counts[i] holds values v with edges[i] ≤ log₁₀|v| < edges[i+1] (the last bin also takes its right edge). */
export interface LogHistogram {
  /** Bin edges in decades (log₁₀ units). */
  edges: number[];
  counts: number[];
  /** Exact zeros (a ReLU's negative half, or values that underflowed): they have no logarithm. */
  zero: number;
  /** Nonzero finite values below edges[0] or above the last edge, in decades. */
  below: number;
  above: number;
  /** ±Infinity and NaN: overflowed values. */
  nonFinite: number;
  /** All values counted, inside the bins or not. */
  total: number;
}

/** Edges every 1/binsPerDecade decade from lo to hi (both in decades; hi > lo). */
export function logEdges(lo: number, hi: number, binsPerDecade = 4): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
    throw new Error(`logEdges: expected finite decades lo < hi, got lo=${lo}, hi=${hi}`);
  }
  if (!Number.isInteger(binsPerDecade) || binsPerDecade < 1) {
    throw new Error(`logEdges: expected a positive integer number of bins per decade, got ${binsPerDecade}`);
  }
  const bins = Math.ceil((hi - lo) * binsPerDecade - 1e-9);
  return Array.from({ length: bins + 1 }, (_, i) => lo + i / binsPerDecade);
}

/**
 * Whole decades covering log₁₀|v| of every nonzero finite value in `arrays`, widened to at least one decade;
 * null when there is no such value.
 */
export function logRange(arrays: ArrayLike<number>[]): [number, number] | null {
  if (!Array.isArray(arrays)) throw new Error(`logRange: expected arrays to be an array of number arrays, got ${describeValue(arrays)}`);
  arrays.forEach((a, i) => expectArrayLike("logRange", `arrays[${i}]`, a));
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of arrays) {
    for (let k = 0; k < values.length; k++) {
      const a = Math.abs(values[k]);
      if (a > 0 && a < Infinity) {
        if (a < lo) lo = a;
        if (a > hi) hi = a;
      }
    }
  }
  if (lo === Infinity) return null;
  const low = Math.floor(Math.log10(lo));
  return [low, Math.max(low + 1, Math.ceil(Math.log10(hi)))];
}

export function logMagnitudeHistogram(values: ArrayLike<number>, edges: readonly number[]): LogHistogram {
  expectArrayLike("logMagnitudeHistogram", "values", values);
  expectArrayLike("logMagnitudeHistogram", "edges", edges);
  if (edges.length < 2) throw new Error(`logMagnitudeHistogram: expected at least 2 bin edges, got ${edges.length}`);
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) {
      throw new Error(`logMagnitudeHistogram: expected strictly increasing edges, got ${edges[i - 1]} then ${edges[i]} at ${i}`);
    }
  }
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  let zero = 0;
  let below = 0;
  let above = 0;
  let nonFinite = 0;
  const lo = edges[0];
  const hi = edges[bins];
  for (let k = 0; k < values.length; k++) {
    const a = Math.abs(values[k]);
    if (a === 0) zero++;
    else if (!(a < Infinity)) nonFinite++;
    else {
      const d = Math.log10(a);
      if (d < lo) below++;
      else if (d > hi) above++;
      else counts[findBin(edges, d)]++;
    }
  }
  return { edges: [...edges], counts, zero, below, above, nonFinite, total: values.length };
}
