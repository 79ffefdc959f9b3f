// Why hidden layer 2 dies and layer 1 does not, in numbers, on one seed of the recipe.
// a₁ = ReLU(h₁) is never negative, so a step ΔW₂ moves unit j's pre-activation by a₁·ΔW₂[:, j]: a sum of
// non-negative activations times the same 100 weight changes, which tends to push all 128 samples the same way.
// x has both signs, so Δh₁ = x·ΔW₁ scatters up and down across the samples.

import { matmul } from "../engine/matmul";
import { Matrix } from "../engine/matrix";
import { sumOfSquares } from "../engine/reductions";
import { Rng } from "../engine/random";
import { scale } from "../engine/elementwise";
import { tutorialFate, tutorialProblemWithStds } from "./nb01_fate";

export interface UnitRange {
  min: number;
  max: number;
}

export interface Layer2Mechanism {
  seed: number;
  learningRate: number;
  /** Fraction of a₁'s entries that are < 0 (always 0) and that are exactly 0. */
  a1NegativeFraction: number;
  a1ZeroFraction: number;
  /** Fraction of units whose first-step change Δh[:, j] has one sign for all 128 samples, per layer. */
  oneSignedChangeLayer1: number;
  oneSignedChangeLayer2: number;
  /** Share of ‖ΔW‖²_F carried by its top singular direction, per layer. */
  topDirectionShareW1: number;
  topDirectionShareW2: number;
  /** Each unit of h₂: its range over the 128 samples before step 1 and after it. */
  h2RangeBefore: UnitRange[];
  h2RangeAfter: UnitRange[];
  /** Fraction of layer-2 units negative for every sample, before and after step 1. */
  deadBefore: number;
  deadAfter: number;
  /** Dead fraction of layer 2 at steps 0, 1, 2, … until the whole layer is dead (or the run ends). */
  deadByStep: number[];
}

function columnRanges(m: Matrix): UnitRange[] {
  return Array.from({ length: m.cols }, (_, j) => {
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + j];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { min, max };
  });
}

function oneSignedColumns(m: Matrix): number {
  const r = columnRanges(m);
  return r.filter((u) => u.min > 0 || u.max < 0).length / r.length;
}

/** σ₁² / ‖M‖²_F by power iteration on MᵀM (deterministic start from a fixed seed). */
export function topDirectionShare(m: Matrix, iterations = 100): number {
  const mtm = matmul(m, m, { transA: true });
  let v = new Rng(12345).randn(m.cols, 1);
  let lambda = 0;
  for (let k = 0; k < iterations; k++) {
    const w = matmul(mtm, v);
    const norm = Math.sqrt(sumOfSquares(w));
    lambda = norm / Math.sqrt(sumOfSquares(v));
    v = scale(w, 1 / norm);
  }
  return lambda / sumOfSquares(m);
}

export function layer2Mechanism(seed = 0, learningRate = 5e-7, steps = 12): Layer2Mechanism {
  const { x, y, net } = tutorialProblemWithStds(seed, [1, 1, 1]);
  const c0 = net.forward(x);
  const g = net.backward(c0, y);
  const dW1 = scale(g.w1, -learningRate), dW2 = scale(g.w2, -learningRate);
  const dh1 = matmul(x, dW1), dh2 = matmul(c0.a1, dW2);
  const stepped = net.clone();
  stepped.params.forEach((w, i) => w.data.forEach((_, k) => (w.data[k] -= learningRate * [g.w1, g.w2, g.w3][i].data[k])));
  const c1 = stepped.forward(x);
  const before = columnRanges(c0.h2), after = columnRanges(c1.h2);
  const dead = (r: UnitRange[]) => r.filter((u) => u.max <= 0).length / r.length;
  const count = (p: (v: number) => boolean) => c0.a1.data.filter(p).length / c0.a1.size;
  return {
    seed,
    learningRate,
    a1NegativeFraction: count((v) => v < 0),
    a1ZeroFraction: count((v) => v === 0),
    oneSignedChangeLayer1: oneSignedColumns(dh1),
    oneSignedChangeLayer2: oneSignedColumns(dh2),
    topDirectionShareW1: topDirectionShare(dW1),
    topDirectionShareW2: topDirectionShare(dW2),
    h2RangeBefore: before,
    h2RangeAfter: after,
    deadBefore: dead(before),
    deadAfter: dead(after),
    deadByStep: tutorialFate(seed, [1, 1, 1], learningRate, steps).deadLayer2,
  };
}
