import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { sigmoidBackward, sigmoidForward, sigmoidSaturatedFraction } from "../../lib/nn/sigmoid";
import { elementwiseGradientError } from "./activation_check";

test("sigmoidForward: σ(0) = 1/2, σ(2) = 1/(1+e⁻²), and no overflow at ±1000", () => {
  const out = sigmoidForward(Matrix.from([[0, 2, -1000, 1000]]));
  assert.equal(out.get(0, 0), 0.5);
  assert.ok(Math.abs(out.get(0, 1) - 0.8807970779778823) < 1e-15);
  assert.equal(out.get(0, 2), 0);
  assert.equal(out.get(0, 3), 1);
});

test("sigmoidBackward is dout ⊙ σ(1 − σ): slope 1/4 at 0", () => {
  const out = sigmoidForward(Matrix.from([[0, -1000]]));
  const dh = sigmoidBackward(Matrix.from([[2, 5]]), out);
  assert.equal(dh.get(0, 0), 0.5);
  assert.equal(dh.get(0, 1), 0);
});

test("sigmoidBackward agrees with central finite differences", () => {
  const err = elementwiseGradientError(sigmoidForward, (dout, _h, a) => sigmoidBackward(dout, a), new Rng(4));
  assert.ok(err < 1e-6, `relative error ${err}`);
});

test("sigmoidBackward rejects a dout of another shape", () => {
  assert.throws(() => sigmoidBackward(new Matrix(1, 2), new Matrix(2, 1)), /sigmoidBackward.*\(1,2\) \(2,1\)/);
});

test("sigmoidSaturatedFraction counts values below 0.03 or above 0.97", () => {
  const a = Matrix.from([[0.01, 0.5, 0.98, 0.96, 0.03]]);
  assert.equal(sigmoidSaturatedFraction(a), 2 / 5);
});
