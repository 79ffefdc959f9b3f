import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { Loss } from "../../lib/nn/loss";
import { meanSquared, meanSquaredLoss } from "../../lib/nn/mean_squared_loss";
import {
  oneHot,
  softmax,
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
  softmaxCrossEntropyLoss,
} from "../../lib/nn/softmax_cross_entropy";
import { allEntries, maxCentralDifferenceError } from "../../lib/train/gradient_check";

// Central differences of loss.forward in each entry of yPred, compared with loss.backward.
function maxFiniteDifferenceError(loss: Loss, yPred: Matrix, y: Matrix, backward = loss.backward): number {
  // eps small enough for truncation error, large enough that round-off stays near 1e-11
  return maxCentralDifferenceError(yPred, allEntries(yPred.size), () => loss.forward(yPred, y), backward(yPred, y), 1e-5);
}

test("mean squared loss: value by hand and backward by finite differences", () => {
  const yPred = Matrix.from([[1, 2], [3, 5]]);
  const y = Matrix.from([[0, 2], [1, 1]]);
  assert.equal(meanSquaredLoss(yPred, y), (1 + 0 + 4 + 16) / 4);
  const rng = new Rng(1);
  const a = rng.randn(6, 4), b = rng.randn(6, 4);
  assert.ok(maxFiniteDifferenceError(meanSquared, a, b) < 1e-7);
});

test("the finite-difference check catches a gradient missing its factor 2", () => {
  const rng = new Rng(2);
  const a = rng.randn(5, 3), b = rng.randn(5, 3);
  const half = (p: Matrix, t: Matrix): Matrix => {
    const g = meanSquared.backward(p, t);
    for (let k = 0; k < g.size; k++) g.data[k] /= 2;
    return g;
  };
  assert.ok(maxFiniteDifferenceError(meanSquared, a, b, half) > 0.1);
});

test("softmax cross-entropy: uniform logits give ln C; backward matches finite differences", () => {
  const z = Matrix.zeros(3, 10);
  const y = oneHot([0, 4, 9], 10);
  assert.ok(Math.abs(softmaxCrossEntropy(z, y) - Math.log(10)) < 1e-15);
  const rng = new Rng(3);
  const logits = rng.randn(7, 5, 2);
  const targets = oneHot([0, 1, 2, 3, 4, 0, 2], 5);
  assert.ok(maxFiniteDifferenceError(softmaxCrossEntropyLoss, logits, targets) < 1e-7);
  // Soft targets (rows of probabilities) are differentiated correctly too.
  const soft = softmax(rng.randn(7, 5));
  assert.ok(maxFiniteDifferenceError(softmaxCrossEntropyLoss, logits, soft) < 1e-7);
});

test("softmax and its loss stay finite for huge logits", () => {
  const z = Matrix.from([[1000, 0, -1000], [-800, -800, -801]]);
  const p = softmax(z);
  assert.ok(p.data.every(Number.isFinite));
  assert.ok(Math.abs(p.get(0, 0) - 1) < 1e-15);
  // Row 0 is confidently wrong about class 1: loss = 1000 exactly; row 1 is right about class 0: ln(2 + e⁻¹) − 0.
  const y = oneHot([1, 0], 3);
  const expected = (1000 + Math.log(2 + Math.exp(-1))) / 2;
  assert.ok(Math.abs(softmaxCrossEntropy(z, y) - expected) < 1e-12);
  const dz = softmaxCrossEntropyBackward(z, y);
  assert.ok(dz.data.every(Number.isFinite));
});

test("non-finite logits (a diverged network) give a NaN loss and NaN gradients, not an exception", () => {
  const z = Matrix.from([[Infinity, 0, 0], [0, 0, 0]]);
  assert.ok(Number.isNaN(softmaxCrossEntropy(z, oneHot([0, 1], 3))));
  assert.ok(softmaxCrossEntropyBackward(z, oneHot([0, 1], 3)).data.every(Number.isNaN));
});

test("bad targets and logits are rejected with where and what", () => {
  const z = Matrix.zeros(2, 3);
  assert.throws(() => softmaxCrossEntropy(z, Matrix.zeros(2, 4)), /shapes \(2,3\) \(2,4\)/);
  assert.throws(() => softmaxCrossEntropy(z, Matrix.from([[1, 0, 0], [0, 2, -1]])), /targets in \[0, 1\].*got 2 at \[1,1\]/);
  assert.throws(() => softmaxCrossEntropy(z, Matrix.from([[1, 0, 0], [0, 0, 0]])), /row 1 summing to 0/);
  assert.throws(() => softmax(Matrix.from([[NaN, 0, 0], [0, 0, 0]])), /finite values, got NaN at \[0,0\]/);
  assert.throws(() => oneHot([0, 3], 3), /class indices in 0..2, got 3 at position 1/);
  assert.throws(() => meanSquaredLoss(Matrix.zeros(2, 2), Matrix.zeros(2, 3)), /shapes \(2,2\) \(2,3\)/);
});
