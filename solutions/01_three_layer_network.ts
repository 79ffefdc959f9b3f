// Reference solutions to notebook 01's exercises (issue 16). Spoilers: the notebooks never import this file; the
// tests in test/exercises/ check that every checker accepts these answers.

import { Matrix } from "../lib/engine/matrix";
import { matmul } from "../lib/engine/matmul";
import { gradientCheck } from "../lib/train/gradient_check";
import { plantedBugProblem } from "../lib/exercises/nb01_planted_bug";
import { GradientCheckAnswer } from "../lib/exercises/nb01_exercises";

// 1.1 Each entry of h₁ sums 1000 products of unit-variance numbers: Var 1000; ReLU halves the mean square (500);
// layer 2: 100 · 500 = 5·10⁴, halved: 2.5·10⁴; output: 100 · 2.5·10⁴ = 2.5·10⁶ per entry; summed over 128 · 10 entries.
export const initialLoss = 128 * 10 * 1000 * (100 / 2) * (100 / 2);

// 1.2 d/dŷ Σ(ŷ − y)² = 2(ŷ − y), entry by entry.
export function lossGradient(yPred: Matrix, y: Matrix): Matrix {
  const d = new Matrix(y.rows, y.cols);
  for (let k = 0; k < d.data.length; k++) d.data[k] = 2 * (yPred.data[k] - y.data[k]);
  return d;
}

// 1.3 a = max(h, 0): the gradient passes where h > 0 and is blocked elsewhere.
export function reluBackward(dout: Matrix, h: Matrix): Matrix {
  const dh = new Matrix(h.rows, h.cols);
  for (let k = 0; k < dh.data.length; k++) dh.data[k] = h.data[k] > 0 ? dout.data[k] : 0;
  return dh;
}

// 1.4 out = x·w: dw = xᵀ·dout (in, out), dx = dout·wᵀ (N, in).
export function denseBackward(dout: Matrix, x: Matrix, w: Matrix): { dw: Matrix; dx: Matrix } {
  return { dw: matmul(x, dout, { transA: true }), dx: matmul(dout, w, { transB: true }) };
}

// 1.5 The check compares every gradient entry with a central difference; only w1's disagrees.
export function catchPlantedBug(): GradientCheckAnswer {
  const buggy = plantedBugProblem();
  return { report: gradientCheck(buggy.net, buggy.x, buggy.y), broken: "w1" };
}
