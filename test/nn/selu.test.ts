import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { SELU_ALPHA, SELU_LAMBDA, seluBackward, seluForward } from "../../lib/nn/selu";
import { elementwiseGradientError } from "./activation_check";

test("seluForward: λ·h above 0, λα(eʰ − 1) below, tending to −λα", () => {
  const out = seluForward(Matrix.from([[2, 0, -1, -50]]));
  assert.equal(out.get(0, 0), 2 * SELU_LAMBDA);
  assert.equal(out.get(0, 1), 0);
  assert.ok(Math.abs(out.get(0, 2) - SELU_LAMBDA * SELU_ALPHA * (Math.exp(-1) - 1)) < 1e-15);
  assert.ok(Math.abs(out.get(0, 3) + SELU_LAMBDA * SELU_ALPHA) < 1e-15);
});

test("seluBackward agrees with central finite differences, and the check catches a missing λ", () => {
  const err = elementwiseGradientError(seluForward, (d, h) => seluBackward(d, h), new Rng(4));
  assert.ok(err < 1e-6, `relative error ${err}`);
  const wrong = (d: Matrix, h: Matrix) => {
    const g = seluBackward(d, h);
    for (let k = 0; k < g.data.length; k++) g.data[k] /= SELU_LAMBDA;
    return g;
  };
  assert.ok(elementwiseGradientError(seluForward, wrong, new Rng(4)) > 1e-2);
});

test("SELU maps N(0, 1) to mean 0 and variance 1 (its constants' defining property), for a million draws", () => {
  const a = seluForward(new Rng(2).randn(1000, 1000));
  let s = 0, ss = 0;
  for (const v of a.data) { s += v; ss += v * v; }
  const mean = s / a.size;
  assert.ok(Math.abs(mean) < 0.005, `mean ${mean}`);
  assert.ok(Math.abs(ss / a.size - mean * mean - 1) < 0.01, `variance ${ss / a.size - mean * mean}`);
});

test("seluBackward rejects a dout of another shape", () => {
  assert.throws(() => seluBackward(new Matrix(2, 3), new Matrix(3, 2)), /seluBackward.*\(2,3\) \(3,2\)/);
});
