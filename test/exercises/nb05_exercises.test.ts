// Every notebook-05 checker on its reference solution, on each listed wrong answer (its hint), and on the placeholder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { TODO } from "../../lib/exercises/check";
import { residualStreamGrowth } from "../../lib/experiments/nb05_residual";
import * as ex from "../../lib/exercises/nb05_exercises";
import * as sol from "../../solutions/05_beyond_xavier_and_he";
import { expectCorrect, expectHint, expectNotAnswered } from "./verdicts";

test("5.1 tfjs default per ReLU layer: 0.88/√2 passes; no truncation, no ½, factor 1, ×√2, a variance get their hints", () => {
  expectNotAnswered(ex.tfDefaultFactor.evaluate(TODO));
  expectCorrect(ex.tfDefaultFactor.evaluate(sol.tfDefaultFactor));
  expectCorrect(ex.tfDefaultFactor.evaluate(0.62));
  expectHint(ex.tfDefaultFactor.evaluate(Math.SQRT1_2), /cut at ±2σ/);
  expectHint(ex.tfDefaultFactor.evaluate(0.88), /truncation alone/);
  expectHint(ex.tfDefaultFactor.evaluate(1), /Glorot's/);
  expectHint(ex.tfDefaultFactor.evaluate(0.88 * Math.SQRT2), /divides the std/);
  expectHint(ex.tfDefaultFactor.evaluate(0.88 ** 2 / 2), /square root/);
  expectHint(ex.tfDefaultFactor.evaluate(0.5), /without the truncation/);
  expectHint(ex.tfDefaultFactor.evaluate(-0.6), /positive/);
});

// The usual slips, each as a learner would write it.
const standardise = (h: Matrix, o: { byRow?: boolean; centre?: boolean; divide?: (v: number) => number; n1?: boolean; eps?: number }) => {
  const { byRow = false, centre = true, divide = Math.sqrt, n1 = false, eps = 1e-5 } = o;
  const out = new Matrix(h.rows, h.cols);
  const [groups, size] = byRow ? [h.rows, h.cols] : [h.cols, h.rows];
  const get = (g: number, m: number) => (byRow ? h.get(g, m) : h.get(m, g));
  for (let g = 0; g < groups; g++) {
    let mu = 0;
    for (let m = 0; m < size; m++) mu += get(g, m) / size;
    let v = 0;
    for (let m = 0; m < size; m++) v += (get(g, m) - mu) ** 2;
    const d = divide(v / (n1 ? size - 1 : size) + eps);
    for (let m = 0; m < size; m++) out.set(byRow ? g : m, byRow ? m : g, (get(g, m) - (centre ? mu : 0)) / d);
  }
  return out;
};

test("5.2 BatchNorm forward: the reference passes (any small ε); rows, no centring, variance, N − 1, no ε, transposed get hints", () => {
  expectNotAnswered(ex.batchNormForwardExercise.evaluate(TODO));
  expectNotAnswered(ex.batchNormForwardExercise.evaluate(() => TODO));
  expectCorrect(ex.batchNormForwardExercise.evaluate(sol.batchNormForward));
  expectCorrect(ex.batchNormForwardExercise.evaluate((h) => standardise(h, { eps: 1e-8 })));
  expectHint(ex.batchNormForwardExercise.evaluate((h) => standardise(h, { byRow: true })), /each column/);
  expectHint(ex.batchNormForwardExercise.evaluate((h) => standardise(h, { centre: false })), /mean/);
  expectHint(ex.batchNormForwardExercise.evaluate((h) => standardise(h, { divide: (v) => v })), /not by the variance/);
  expectHint(ex.batchNormForwardExercise.evaluate((h) => standardise(h, { n1: true })), /N − 1/);
  expectHint(ex.batchNormForwardExercise.evaluate((h) => standardise(h, { eps: 0 })), /ε/);
  const transposed = (h: Matrix) => { const s = standardise(h, {}); return Matrix.from(s.toArray()[0].map((_, j) => s.toArray().map((r) => r[j]))); };
  expectHint(ex.batchNormForwardExercise.evaluate(transposed), /transpose/);
  // An in-place answer is judged on its output, not on what it did to its input.
  expectCorrect(ex.batchNormForwardExercise.evaluate((h) => { const s = sol.batchNormForward(h); h.data.set(s.data); return h; }));
  const threw = ex.batchNormForwardExercise.evaluate(() => { throw new Error("oops"); });
  assert.equal(threw.status, "try again");
  assert.match(threw.message, /threw an error: oops/);
});

test("5.3 branch scale: 1/8 and 0 pass; 1, 0.5, 0.3 and a negative α get hints; the stream's growth is what the checker says", () => {
  expectNotAnswered(ex.branchScaleChoice.evaluate(TODO));
  expectCorrect(ex.branchScaleChoice.evaluate(sol.branchScaleChoice));
  expectCorrect(ex.branchScaleChoice.evaluate({ alpha: 0, why: "Fixup: each block starts as the identity" }));
  expectNotAnswered(ex.branchScaleChoice.evaluate({ alpha: 0.1, why: TODO }));
  expectHint(ex.branchScaleChoice.evaluate({ alpha: 1, why: "plain He" }), /\(1 \+ 2α²\) per block/);
  expectHint(ex.branchScaleChoice.evaluate({ alpha: 0.3, why: "smaller" }), /compounded 64 times/);
  expectHint(ex.branchScaleChoice.evaluate({ alpha: -0.1, why: "negative" }), /sign/);
  // The (1 + 2α²) per block the hints teach, measured: at α = 1 the std grows like √3 per block, at α = 0 not at all.
  const perBlock = Math.pow(residualStreamGrowth(1), 1 / 64);
  assert.ok(perBlock > 1.6 && perBlock < 1.8, `α = 1: ${perBlock} per block, expected about √3 ≈ 1.73`);
  assert.equal(residualStreamGrowth(0), 1);
  const eighth = residualStreamGrowth(1 / 8);
  assert.ok(eighth > 2.3 && eighth < ex.STREAM_TOLERANCE, `α = 1/8: ${eighth}, expected about (1 + 2/64)^32 ≈ e`);
});
