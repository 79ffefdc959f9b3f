import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { ACTIVATIONS, ACTIVATION_NAMES, getActivation } from "../../lib/nn/activation";
import { elementwiseGradientError } from "./activation_check";

test("the registry holds relu, tanh, sigmoid, leaky ReLU and the identity", () => {
  assert.deepEqual(ACTIVATION_NAMES, ["relu", "tanh", "sigmoid", "leaky_relu", "linear"]);
  for (const name of ACTIVATION_NAMES) assert.equal(getActivation(name).name, name);
});

test("every registered backward agrees with finite differences", () => {
  for (const name of ACTIVATION_NAMES) {
    const act = ACTIVATIONS[name];
    const err = elementwiseGradientError(act.forward, act.backward, new Rng(11));
    assert.ok(err < 1e-6, `${name}: relative error ${err}`);
  }
});

test("the elementwise check catches a wrong derivative (tanh with 1 − h² instead of 1 − tanh(h)²)", () => {
  const wrong = (dout: Matrix, h: Matrix): Matrix => {
    const dh = new Matrix(h.rows, h.cols);
    for (let k = 0; k < h.data.length; k++) dh.data[k] = dout.data[k] * (1 - h.data[k] * h.data[k]);
    return dh;
  };
  const err = elementwiseGradientError(ACTIVATIONS.tanh.forward, wrong, new Rng(11));
  assert.ok(err > 1e-2, `relative error ${err} should flag the bug`);
});

test("an unknown activation name is an error that lists the known ones", () => {
  assert.throws(() => getActivation("gelu"), /unknown activation "gelu": expected one of "relu", "tanh", "sigmoid"/);
  assert.throws(() => getActivation("constructor"), /unknown activation "constructor"/);
});

test("stalledFraction: dead ReLU units per column, saturated tanh/sigmoid values", () => {
  const a = Matrix.from([
    [0, 1, 0],
    [0, 0, 2],
  ]);
  assert.equal(ACTIVATIONS.relu.stalledFraction(a), 1 / 3); // only the first column is zero on both samples
  assert.equal(ACTIVATIONS.tanh.stalledFraction(Matrix.from([[0.98, 0.1]])), 0.5);
  assert.equal(ACTIVATIONS.sigmoid.stalledFraction(Matrix.from([[0.02, 0.5, 0.5, 0.5]])), 0.25);
  assert.equal(ACTIVATIONS.leaky_relu.stalledFraction(Matrix.from([[-0.01, 1], [-0.02, -0.03]])), 0.5);
  assert.equal(ACTIVATIONS.linear.stalledFraction(Matrix.from([[0, 0]])), 0);
});

test("linear is the identity, forward and backward, and returns copies", () => {
  const h = Matrix.from([[-2, 3]]);
  const a = ACTIVATIONS.linear.forward(h);
  assert.deepEqual(a.toArray(), [[-2, 3]]);
  assert.notEqual(a, h);
  assert.deepEqual(ACTIVATIONS.linear.backward(Matrix.from([[5, 6]]), h, a).toArray(), [[5, 6]]);
});
