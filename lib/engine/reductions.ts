// Reductions of a whole matrix to one number, and row/column sums.

import { Matrix } from "./matrix";

export function sum(a: Matrix): number {
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k];
  return s;
}

/** Σ a², the sum-of-squares loss's core. */
export function sumOfSquares(a: Matrix): number {
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k] * a.data[k];
  return s;
}

export function mean(a: Matrix): number {
  return sum(a) / a.size;
}

/** Population standard deviation (numpy's default, ddof = 0). */
export function std(a: Matrix): number {
  const mu = mean(a);
  let s = 0;
  for (let k = 0; k < a.data.length; k++) {
    const d = a.data[k] - mu;
    s += d * d;
  }
  return Math.sqrt(s / a.size);
}

export function maxAbs(a: Matrix): number {
  let m = 0;
  for (let k = 0; k < a.data.length; k++) m = Math.max(m, Math.abs(a.data[k]));
  return m;
}

