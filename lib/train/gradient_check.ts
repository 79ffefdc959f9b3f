// Checks hand-derived gradients against central finite differences, in float64.
// Relative error |analytic − numeric| / max(|analytic| + |numeric|, tiny): 1e-6 or less is right (ReLU kinks near a
// checked weight can cost a little); 1e-2 is a bug.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { Model } from "../nn/model";
import { describeValue, expectMatrix, expectObject } from "../engine/checks";

export interface GradientCheckOptions {
  /** Finite-difference step. */
  epsilon?: number;
  /** Check at most this many entries per weight matrix, chosen at random (all of them when the matrix is smaller). */
  maxEntriesPerParam?: number;
  /** Chooses the entries; required when a matrix has more entries than maxEntriesPerParam. */
  rng?: Rng;
  /** Replace the model's own gradients, e.g. to show that the check catches a wrong one. */
  analyticGrads?: Matrix[];
}

export interface ParamCheck {
  name: string;
  entriesChecked: number;
  maxRelativeError: number;
}

export function gradientCheck(model: Model, x: Matrix, y: Matrix, options: GradientCheckOptions = {}): ParamCheck[] {
  expectObject("gradientCheck", "model", model);
  if (typeof model.lossAndGradients !== "function") throw new Error(`gradientCheck: expected model to have a lossAndGradients method, got ${describeValue(model.lossAndGradients)}`);
  expectMatrix("gradientCheck", "x", x);
  expectMatrix("gradientCheck", "y", y);
  if (options === null || typeof options !== "object") throw new Error(`gradientCheck: expected options to be an object, got ${describeValue(options)}`);
  const { epsilon = 1e-6, maxEntriesPerParam = Infinity } = options;
  if (!(Number.isFinite(epsilon) && epsilon > 0)) {
    throw new Error(`gradientCheck: expected a positive finite epsilon, got ${epsilon}`);
  }
  if (!(maxEntriesPerParam === Infinity || (Number.isInteger(maxEntriesPerParam) && maxEntriesPerParam >= 1))) {
    throw new Error(`gradientCheck: expected maxEntriesPerParam to be a positive integer or Infinity, got ${maxEntriesPerParam}`);
  }
  const analytic = options.analyticGrads ?? model.lossAndGradients(x, y).grads;
  if (analytic.length !== model.params.length) {
    throw new Error(`gradientCheck: expected ${model.params.length} gradient matrices, got ${analytic.length}`);
  }
  return model.params.map((w, p) => {
    const g = analytic[p];
    if (g.rows !== w.rows || g.cols !== w.cols) {
      throw new Error(`gradientCheck: gradient of ${model.paramNames[p]} has shape (${g.rows},${g.cols}), expected (${w.rows},${w.cols})`);
    }
    const entries = chooseEntries(w.size, maxEntriesPerParam, options.rng);
    const worst = maxCentralDifferenceError(w, entries, () => model.loss(x, y), g, epsilon);
    return { name: model.paramNames[p], entriesChecked: entries.length, maxRelativeError: worst };
  });
}

/**
 * The core of every gradient check: nudge entry k of `m` by ±epsilon, take (f(+) − f(−)) / 2ε, and compare it with
 * analytic.data[k]. Returns the worst relative error over `entries`; `m` is left as it was.
 */
export function maxCentralDifferenceError(m: Matrix, entries: Iterable<number>, f: () => number, analytic: Matrix, epsilon: number): number {
  let worst = 0;
  for (const k of entries) {
    const saved = m.data[k];
    m.data[k] = saved + epsilon;
    const plus = f();
    m.data[k] = saved - epsilon;
    const minus = f();
    m.data[k] = saved;
    worst = Math.max(worst, relativeError(analytic.data[k], (plus - minus) / (2 * epsilon)));
  }
  return worst;
}

/** Every index of a matrix with `size` entries. */
export function allEntries(size: number): number[] {
  return Array.from({ length: size }, (_, k) => k);
}

/**
 * A relative error as the power of ten it stays below, "< 1e-5": the digits themselves depend on the order in which
 * the matmul kernel summed the loss (wasm and JavaScript differ in the first digit at full size), the bound does not.
 */
export function errorBound(error: number): string {
  if (typeof error !== "number" || !(error >= 0)) throw new Error(`errorBound: expected a relative error ≥ 0, got ${describeValue(error)}`);
  if (error === 0) return "0";
  if (!Number.isFinite(error)) return String(error);
  return `< 1e${Math.floor(Math.log10(error)) + 1}`;
}

export function relativeError(a: number, b: number): number {
  // NaN and ±Infinity are numbers and give NaN, as numpy would; anything else is a mistake.
  if (typeof a !== "number" || typeof b !== "number") throw new Error(`relativeError: expected two numbers, got ${describeValue(a)} and ${describeValue(b)}`);
  const denom = Math.max(Math.abs(a) + Math.abs(b), 1e-12);
  return Math.abs(a - b) / denom;
}

function chooseEntries(size: number, max: number, rng?: Rng): number[] {
  if (size <= max) return allEntries(size);
  if (!rng) throw new Error(`gradientCheck: a matrix has ${size} entries, more than maxEntriesPerParam=${max}; pass an rng to sample them`);
  return rng.permutation(size).slice(0, max);
}
