import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { LEAKY_RELU_SLOPE, leakyReluBackward, leakyReluForward, leakyReluGain } from "../../lib/nn/leaky_relu";
import { elementwiseGradientError } from "./activation_check";

test("leakyReluForward keeps positives and multiplies negatives by the slope", () => {
  const h = Matrix.from([[-2, 0, 3]]);
  assert.deepEqual(leakyReluForward(h, 0.25).toArray(), [[-0.5, 0, 3]]);
  assert.deepEqual(leakyReluForward(h).toArray(), [[-2 * LEAKY_RELU_SLOPE, 0, 3]]);
  assert.deepEqual(leakyReluForward(h, 0).toArray().map((r) => r.map((v) => v + 0)), [[0, 0, 3]]); // slope 0 is ReLU (−0 + 0 = 0)
});

test("leakyReluBackward passes dout where h > 0 and slope·dout elsewhere (the slope at h = 0)", () => {
  const h = Matrix.from([[-2, 0, 3]]);
  assert.deepEqual(leakyReluBackward(Matrix.from([[10, 20, 30]]), h, 0.25).toArray(), [[2.5, 5, 30]]);
});

test("leakyReluBackward agrees with central finite differences for several slopes", () => {
  // A small slope makes the negative side's derivative small, so the difference quotient's rounding error weighs more
  // in the relative error (4e-5 at slope 0.01, 3e-6 at 0.2); that is still far from a bug's 1e-2.
  for (const [slope, tolerance] of [[0.01, 1e-4], [0.2, 1e-5], [0.5, 1e-5]]) {
    const err = elementwiseGradientError((h) => leakyReluForward(h, slope), (d, h) => leakyReluBackward(d, h, slope), new Rng(5));
    assert.ok(err < tolerance, `slope ${slope}: relative error ${err}`);
  }
});

test("the finite-difference check catches a leaky ReLU backward that forgets the slope", () => {
  const err = elementwiseGradientError((h) => leakyReluForward(h, 0.5), (d, h) => leakyReluBackward(d, h, 0), new Rng(5));
  assert.ok(err > 1e-2, `relative error ${err} should flag the bug`);
});

test("leakyReluGain is √(2/(1 + a²)): √2 at a = 0, 1 at a = 1; E[f(z)²]·gain² = 1 for a million normal draws", () => {
  assert.equal(leakyReluGain(0), Math.SQRT2);
  assert.equal(leakyReluGain(1), 1);
  const z = new Rng(9).randn(1000, 1000);
  for (const slope of [0, 0.2, 0.5]) {
    const a = leakyReluForward(z, slope);
    let s = 0;
    for (const v of a.data) s += v * v;
    const secondMoment = s / a.size;
    assert.ok(Math.abs(secondMoment * leakyReluGain(slope) ** 2 - 1) < 0.01, `slope ${slope}: ${secondMoment}`);
  }
});

test("a slope outside [0, 1] or a dout of another shape is an error", () => {
  assert.throws(() => leakyReluForward(new Matrix(1, 1), -0.1), /expected a negative-side slope in \[0, 1\], got -0.1/);
  assert.throws(() => leakyReluGain(Number.NaN), /got NaN/);
  assert.throws(() => leakyReluBackward(new Matrix(2, 3), new Matrix(3, 2), 0.1), /leakyReluBackward.*\(2,3\) \(3,2\)/);
});
