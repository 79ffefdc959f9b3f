// Reductions of a whole matrix to one number, and row/column sums.

import { Matrix } from "./matrix";
import { expectMatrix } from "./checks";

export function sum(a: Matrix): number {
  expectMatrix("sum", "a", a);
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k];
  return s;
}

/** Σ a², the sum-of-squares loss's core. */
export function sumOfSquares(a: Matrix): number {
  expectMatrix("sumOfSquares", "a", a);
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k] * a.data[k];
  return s;
}

export function mean(a: Matrix): number {
  expectMatrix("mean", "a", a);
  return sum(a) / a.size;
}

/** Population standard deviation (numpy's default, ddof = 0). */
export function std(a: Matrix): number {
  expectMatrix("std", "a", a);
  const mu = mean(a);
  let s = 0;
  for (let k = 0; k < a.data.length; k++) {
    const d = a.data[k] - mu;
    s += d * d;
  }
  return Math.sqrt(s / a.size);
}

export function maxAbs(a: Matrix): number {
  expectMatrix("maxAbs", "a", a);
  let m = 0;
  for (let k = 0; k < a.data.length; k++) m = Math.max(m, Math.abs(a.data[k]));
  return m;
}

