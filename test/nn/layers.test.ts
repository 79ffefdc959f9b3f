import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { matmulNaive } from "../../lib/engine/matmul_naive";
import { denseBackward, denseForward } from "../../lib/nn/dense";
import { deadUnitFraction, reluBackward, reluForward } from "../../lib/nn/relu";
import { sumOfSquaresLoss, sumOfSquaresLossBackward } from "../../lib/nn/sum_of_squares_loss";

test("reluForward clips negatives; reluBackward passes gradient only where h > 0", () => {
  const h = Matrix.from([[-1, 0, 2], [3, -0.5, 0.1]]);
  assert.deepEqual(reluForward(h).toArray(), [[0, 0, 2], [3, 0, 0.1]]);
  const dout = Matrix.from([[10, 20, 30], [40, 50, 60]]);
  assert.deepEqual(reluBackward(dout, h).toArray(), [[0, 0, 30], [40, 0, 60]]);
});

test("deadUnitFraction counts units that are zero for every sample", () => {
  const act = Matrix.from([[0, 1, 0, 0], [0, 0, 0, 2], [0, 3, 0, 0]]);
  assert.equal(deadUnitFraction(act), 0.5);
});

test("dense forward is x·W; its backward gives xᵀ·dout and dout·Wᵀ", () => {
  const rng = new Rng(1);
  const x = rng.randn(5, 4), w = rng.randn(4, 3), dout = rng.randn(5, 3);
  assert.deepEqual(denseForward(x, w).toArray(), matmulNaive(x, w).toArray());
  const { dw, dx } = denseBackward(dout, x, w);
  const close = (p: Matrix, q: Matrix) => p.data.every((v, k) => Math.abs(v - q.data[k]) < 1e-12);
  assert.ok(close(dw, matmulNaive(x, dout, { transA: true })));
  assert.ok(close(dx!, matmulNaive(dout, w, { transB: true })));
  assert.equal(denseBackward(dout, x, w, false).dx, null);
});

test("denseForward names both shapes when they do not fit", () => {
  assert.throws(
    () => denseForward(Matrix.zeros(128, 1000), Matrix.zeros(100, 100)),
    /input \(128,1000\) and weights \(100,100\) not aligned: the input has 1000 features but the weights expect 100/,
  );
});

test("sum-of-squares loss and its gradient 2(ŷ − y), checked by central differences", () => {
  const rng = new Rng(2);
  const yPred = rng.randn(3, 2), y = rng.randn(3, 2);
  const loss = sumOfSquaresLoss(yPred, y);
  assert.ok(Math.abs(loss - yPred.data.reduce((s, v, k) => s + (v - y.data[k]) ** 2, 0)) < 1e-12);
  const grad = sumOfSquaresLossBackward(yPred, y);
  const eps = 1e-6;
  for (let k = 0; k < yPred.size; k++) {
    const p = yPred.clone(); p.data[k] += eps;
    const m = yPred.clone(); m.data[k] -= eps;
    const numeric = (sumOfSquaresLoss(p, y) - sumOfSquaresLoss(m, y)) / (2 * eps);
    assert.ok(Math.abs(numeric - grad.data[k]) < 1e-7 * Math.max(1, Math.abs(numeric)), `entry ${k}`);
  }
  assert.throws(() => sumOfSquaresLoss(yPred, Matrix.zeros(2, 3)), /shapes \(3,2\) \(2,3\)/);
});
