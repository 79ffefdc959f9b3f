import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { heNormal } from "../../lib/init/presets";
import { meanSquared } from "../../lib/nn/mean_squared_loss";
import { Mlp } from "../../lib/nn/mlp";
import { AdamState, trainAdam } from "../../lib/train/adam";

test("Adam's first step is −lr·sign(g) (up to ε) whatever the gradient's size", () => {
  const w = Matrix.from([[1, 1, 1]]);
  const state = new AdamState([w]);
  state.step([w], [Matrix.from([[1e-3, -5, 1e4]])], 0.1);
  const expected = [1e-3, -5, 1e4].map((g) => 1 - (0.1 * g) / (Math.abs(g) + 1e-8));
  // ≈ 0.9, 1.1, 0.9: the same step of 0.1 for gradients seven orders of magnitude apart.
  w.data.forEach((v, k) => assert.ok(Math.abs(v - [0.9, 1.1, 0.9][k]) < 1e-5));
  w.data.forEach((v, k) => assert.ok(Math.abs(v - expected[k]) < 1e-12, `entry ${k}: ${v}`));
});

test("Adam: two steps by hand with the bias corrections", () => {
  const w = Matrix.from([[0]]);
  const state = new AdamState([w], 0.9, 0.999, 1e-8);
  state.step([w], [Matrix.from([[2]])], 0.01);
  state.step([w], [Matrix.from([[1]])], 0.01);
  // Step 2: m = 0.9·0.2 + 0.1·1 = 0.28, v = 0.999·0.004 + 0.001·1 = 0.004996; m̂ = 0.28/0.19, v̂ = 0.004996/0.001999.
  const second = (0.01 * (0.28 / 0.19)) / (Math.sqrt(0.004996 / (1 - 0.999 ** 2)) + 1e-8);
  const first = (0.01 * 2) / (2 + 1e-8);
  assert.ok(Math.abs(w.data[0] - (-first - second)) < 1e-14, `${w.data[0]}`);
});

test("Adam: a gradient far below ε gets a step of only lr·|g|/ε, not lr", () => {
  const w = Matrix.from([[0]]);
  new AdamState([w]).step([w], [Matrix.from([[1e-12]])], 1e-3);
  assert.ok(Math.abs(-w.data[0] - 1e-3 * 1e-12 / (1e-12 + 1e-8)) < 1e-20);
  assert.ok(-w.data[0] < 1e-3 * 1e-3, "ten thousand times smaller than lr");
});

test("trainAdam lowers the loss of a small net and returns the same history shape as gradient descent", () => {
  const rng = new Rng(1);
  const net = Mlp.initialized({ sizes: [6, 8, 2], activation: "relu", loss: meanSquared }, heNormal(), rng);
  const x = rng.randn(10, 6), y = rng.randn(10, 2);
  const h = trainAdam(net, x, y, { learningRate: 1e-2, steps: 200 });
  assert.equal(h.loss.length, 200);
  assert.equal(h.stepsCompleted, 200);
  assert.equal(h.divergedAtStep, null);
  assert.ok(h.loss[199] < 0.5 * h.loss[0], `${h.loss[0]} -> ${h.loss[199]}`);
});

test("Adam refuses bad settings, naming them", () => {
  assert.throws(() => new AdamState([], 1), /beta1 in \[0, 1\), got 1/);
  assert.throws(() => new AdamState([], 0.9, 0.999, 0), /positive epsilon, got 0/);
  const net = Mlp.initialized({ sizes: [2, 2], activation: "relu", loss: meanSquared }, heNormal(), new Rng(1));
  assert.throws(() => trainAdam(net, new Matrix(1, 2), new Matrix(1, 2), { learningRate: -1, steps: 1 }), /positive finite learning rate, got -1/);
  assert.throws(() => new AdamState([new Matrix(1, 1)]).step([new Matrix(1, 1)], [], 0.1), /expected 1 parameter and gradient matrices, got 1 and 0/);
});
