import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { tanhBackward, tanhForward, tanhSaturatedFraction } from "../../lib/nn/tanh";
import { elementwiseGradientError } from "./activation_check";

test("tanhForward matches Math.tanh at known points and stays in (−1, 1) for huge inputs", () => {
  const out = tanhForward(Matrix.from([[0, 1, -2, 1000]]));
  assert.equal(out.get(0, 0), 0);
  assert.ok(Math.abs(out.get(0, 1) - 0.7615941559557649) < 1e-15);
  assert.ok(Math.abs(out.get(0, 2) + 0.9640275800758169) < 1e-15);
  assert.equal(out.get(0, 3), 1);
});

test("tanhBackward is dout ⊙ (1 − tanh²): hand values", () => {
  const out = tanhForward(Matrix.from([[0, 1]]));
  const dh = tanhBackward(Matrix.from([[3, 2]]), out);
  assert.equal(dh.get(0, 0), 3); // slope 1 at 0
  const t = Math.tanh(1);
  assert.ok(Math.abs(dh.get(0, 1) - 2 * (1 - t * t)) < 1e-15);
});

test("tanhBackward agrees with central finite differences", () => {
  const err = elementwiseGradientError(tanhForward, (dout, _h, a) => tanhBackward(dout, a), new Rng(3));
  assert.ok(err < 1e-6, `relative error ${err}`);
});

test("tanhBackward rejects a dout of another shape", () => {
  assert.throws(() => tanhBackward(new Matrix(2, 3), new Matrix(3, 2)), /tanhBackward.*\(2,3\) \(3,2\)/);
});

test("tanhSaturatedFraction counts values with |a| > 0.97", () => {
  const a = Matrix.from([[0.99, -0.98, 0.5, 0.97]]);
  assert.equal(tanhSaturatedFraction(a), 0.5); // 0.97 itself is not beyond the threshold
});
