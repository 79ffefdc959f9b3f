import { test } from "node:test";
import assert from "node:assert/strict";
import { expectedSumOfSquaresLoss, linearScaleTheory, reluScaleTheory, RELU_STD_OVER_PRE_STD } from "../../lib/nn/scale_theory";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * Math.abs(b), `${a} vs ${b}`);

test("the tutorial net at std 1: √1000, then ×√(100/2) per layer, and an expected loss of about 3.2e9", () => {
  const p = reluScaleTheory([1000, 100, 100, 10], 1);
  close(p.preActivationStd[0], Math.sqrt(1000));
  close(p.preActivationStd[1], Math.sqrt(1000 * 50));
  close(p.outputStd, Math.sqrt(1000 * 50 * 50)); // Var = 2.5e6
  close(p.activationStd[0], Math.sqrt(1000) * RELU_STD_OVER_PRE_STD);
  assert.equal(p.activationStd.length, 2);
  close(expectedSumOfSquaresLoss(128, 10, p.outputStd), 128 * 10 * (2.5e6 + 1)); // 3.2e9
});

test("ReLU with std 1/√fan_in shrinks by √(1/2) per layer", () => {
  const sizes = [500, 500, 500, 500, 10];
  const p = reluScaleTheory(sizes, sizes.slice(0, -1).map((n) => 1 / Math.sqrt(n)));
  close(p.preActivationStd[0], 1);
  close(p.activationStd[2] / p.activationStd[1], Math.SQRT1_2);
});

test("RELU_STD_OVER_PRE_STD is std(relu(z)) for z ~ N(0, 1), by numerical integration (Simpson's rule on [0, 12])", () => {
  const steps = 12000, h = 12 / steps;
  let mean = 0, meanSquare = 0;
  for (let i = 0; i <= steps; i++) {
    const z = i * h, weight = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    const density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    mean += (weight * h / 3) * z * density;
    meanSquare += (weight * h / 3) * z * z * density;
  }
  close(RELU_STD_OVER_PRE_STD, Math.sqrt(meanSquare - mean * mean), 1e-10);
});

test("linear regime: each layer multiplies the std by σ·√fan_in", () => {
  const p = linearScaleTheory([500, 500, 500, 10], 0.01, 2);
  close(p.activationStd[0], 2 * 0.01 * Math.sqrt(500));
  close(p.activationStd[1], 2 * 0.05);
  close(p.outputStd, 2 * 0.01 * Math.sqrt(500) * 0.05);
});

test("theory functions name bad arguments", () => {
  assert.throws(() => reluScaleTheory([5], 1), /at least 2 positive integer sizes, got \[5\]/);
  assert.throws(() => reluScaleTheory([5, 3, 2], [1]), /expected 2 weight stds \(one per layer\), got 1/);
  assert.throws(() => linearScaleTheory([5, 3], -1), /non-negative finite weight stds, got -1/);
});
