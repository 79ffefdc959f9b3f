import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { BatchNormCache, batchNormBackward, batchNormForward } from "../../lib/nn/batch_norm";
import { allEntries, maxCentralDifferenceError } from "../../lib/train/gradient_check";

const column = (m: Matrix, j: number) => Array.from({ length: m.rows }, (_, i) => m.get(i, j));
const meanOf = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const varOf = (v: number[]) => meanOf(v.map((t) => (t - meanOf(v)) ** 2));

test("batchNormForward: each column comes out with mean β and std γ·√(σ²/(σ² + ε))", () => {
  const h = new Rng(1).randn(50, 4, 7, 3); // mean 3, std 7
  const gamma = Matrix.from([[1, 2, 0.5, 1]]);
  const beta = Matrix.from([[0, 1, -1, 0]]);
  const { out } = batchNormForward(h, gamma, beta);
  for (let j = 0; j < 4; j++) {
    const v = varOf(column(h, j));
    assert.ok(Math.abs(meanOf(column(out, j)) - beta.get(0, j)) < 1e-12, `column ${j} mean`);
    assert.ok(Math.abs(Math.sqrt(varOf(column(out, j))) - gamma.get(0, j) * Math.sqrt(v / (v + 1e-5))) < 1e-12, `column ${j} std`);
  }
});

test("batchNormForward does not see the scale of its input: h and 1000·h give the same output (up to ε)", () => {
  const h = new Rng(2).randn(16, 3);
  const big = new Matrix(16, 3, h.data.map((v) => 1000 * v));
  const ones = Matrix.filled(1, 3, 1), zeros = Matrix.zeros(1, 3);
  const a = batchNormForward(h, ones, zeros).out, b = batchNormForward(big, ones, zeros).out;
  // ε = 1e-5 against variances 1 and 10⁶ changes the output by a relative 5·10⁻⁶ at most.
  assert.ok(a.data.every((v, k) => Math.abs(v - b.data[k]) < 1e-5 * Math.max(1, Math.abs(v))));
});

// L = Σ g ⊙ BN(h; γ, β) has exact gradients batchNormBackward(g, cache).
function gradientErrors(backward: (dout: Matrix, cache: BatchNormCache) => { dh: Matrix; dgamma: Matrix; dbeta: Matrix }) {
  const rng = new Rng(3);
  const h = rng.randn(6, 4, 2, 0.5), gamma = rng.randn(1, 4), beta = rng.randn(1, 4), g = rng.randn(6, 4);
  const lossAt = () => {
    const { out } = batchNormForward(h, gamma, beta);
    return out.data.reduce((s, v, k) => s + g.data[k] * v, 0);
  };
  const grads = backward(g, batchNormForward(h, gamma, beta).cache);
  return {
    dh: maxCentralDifferenceError(h, allEntries(h.size), lossAt, grads.dh, 1e-6),
    dgamma: maxCentralDifferenceError(gamma, allEntries(gamma.size), lossAt, grads.dgamma, 1e-6),
    dbeta: maxCentralDifferenceError(beta, allEntries(beta.size), lossAt, grads.dbeta, 1e-6),
  };
}

test("batchNormBackward agrees with central finite differences for h, γ and β", () => {
  const e = gradientErrors(batchNormBackward);
  for (const [name, err] of Object.entries(e)) assert.ok(err < 1e-6, `${name}: relative error ${err}`);
});

test("the check catches a backward that ignores the batch statistics' dependence on h (dh = γ·dout/σ)", () => {
  const naive = (dout: Matrix, cache: BatchNormCache) => {
    const right = batchNormBackward(dout, cache);
    const dh = new Matrix(dout.rows, dout.cols);
    for (let k = 0; k < dh.data.length; k++) dh.data[k] = dout.data[k] * cache.gamma.data[k % dout.cols] * cache.invStd[k % dout.cols];
    return { ...right, dh };
  };
  assert.ok(gradientErrors(naive).dh > 1e-2);
});

test("batchNormForward names the shapes it expected, and refuses a batch of one row", () => {
  assert.throws(() => batchNormForward(new Matrix(4, 3), Matrix.filled(1, 2, 1), Matrix.zeros(1, 3)), /input \(4,3\) needs gamma and beta of shape \(1,3\), got \(1,2\) and \(1,3\)/);
  assert.throws(() => batchNormForward(new Matrix(1, 3), Matrix.filled(1, 3, 1), Matrix.zeros(1, 3)), /at least 2 rows/);
  const { cache } = batchNormForward(new Rng(1).randn(4, 3), Matrix.filled(1, 3, 1), Matrix.zeros(1, 3));
  assert.throws(() => batchNormBackward(new Matrix(3, 4), cache), /batchNormBackward.*\(3,4\) \(4,3\)/);
});
