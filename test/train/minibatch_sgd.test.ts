import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { Mlp } from "../../lib/nn/mlp";
import { meanSquared } from "../../lib/nn/mean_squared_loss";
import { Model } from "../../lib/nn/model";
import { ACTIVATIONS } from "../../lib/nn/activation";
import { heNormal, lecunNormal } from "../../lib/init/presets";
import { oneHot, softmaxCrossEntropyLoss } from "../../lib/nn/softmax_cross_entropy";
import { trainMinibatchSgd } from "../../lib/train/minibatch_sgd";

// A linear model y = x·W records which rows each batch held, through x's first column (the row number).
function recordingModel(seen: number[][]): Model {
  const w = Matrix.zeros(2, 1);
  return {
    params: [w],
    paramNames: ["w"],
    activation: ACTIVATIONS.linear,
    lossAndGradients(x: Matrix) {
      seen.push(Array.from({ length: x.rows }, (_, i) => x.get(i, 0)));
      return { loss: 1, grads: [Matrix.filled(2, 1, 0.5)], hidden: [] };
    },
    loss: () => 1,
  };
}

test("each epoch visits every row once in a seeded order; leftover rows wait for the next shuffle", () => {
  const x = Matrix.from(Array.from({ length: 10 }, (_, i) => [i, 1]));
  const y = Matrix.zeros(10, 1);
  const seen: number[][] = [];
  const model = recordingModel(seen);
  const h = trainMinibatchSgd(model, x, y, { learningRate: 0.1, steps: 6, batchSize: 3, rng: new Rng(4) });
  assert.equal(h.stepsCompleted, 6);
  assert.equal(seen.length, 6);
  // 10 rows, batch 3: three batches per epoch, 9 distinct rows each epoch.
  for (const epoch of [seen.slice(0, 3).flat(), seen.slice(3, 6).flat()]) assert.equal(new Set(epoch).size, 9);
  // The update is W ← W − lr·g, six times.
  assert.ok(Math.abs(model.params[0].get(0, 0) - -6 * 0.1 * 0.5) < 1e-15);
  const again: number[][] = [];
  trainMinibatchSgd(recordingModel(again), x, y, { learningRate: 0.1, steps: 6, batchSize: 3, rng: new Rng(4) });
  assert.deepEqual(again, seen);
});

test("minibatch SGD lowers the loss of a small regression net", () => {
  const rng = new Rng(5);
  const x = rng.randn(64, 4);
  const y = rng.randn(64, 2);
  const net = Mlp.initialized({ sizes: [4, 16, 2], activation: "tanh", loss: meanSquared }, lecunNormal(), rng);
  const before = net.loss(x, y);
  trainMinibatchSgd(net, x, y, { learningRate: 0.05, steps: 200, batchSize: 16, rng });
  assert.ok(net.loss(x, y) < 0.9 * before, `loss ${net.loss(x, y)} not below 0.9 × ${before}`);
});

test("a non-finite batch loss stops training and is reported", () => {
  const model: Model = { params: [Matrix.zeros(1, 1)], paramNames: ["w"], activation: ACTIVATIONS.linear, lossAndGradients: () => ({ loss: NaN, grads: [Matrix.zeros(1, 1)], hidden: [] }), loss: () => NaN };
  const h = trainMinibatchSgd(model, Matrix.zeros(4, 1), Matrix.zeros(4, 1), { learningRate: 1, steps: 5, batchSize: 2, rng: new Rng(1) });
  assert.equal(h.divergedAtStep, 0);
  assert.equal(h.stepsCompleted, 0);
});

test("a real classifier trained at an absurd learning rate diverges, and the history says where", () => {
  const rng = new Rng(6);
  const x = rng.randn(32, 8);
  const y = oneHot(Array.from({ length: 32 }, (_, i) => i % 3), 3);
  const net = Mlp.initialized({ sizes: [8, 16, 3], activation: "relu", loss: softmaxCrossEntropyLoss }, heNormal(), rng);
  const h = trainMinibatchSgd(net, x, y, { learningRate: 1e6, steps: 50, batchSize: 8, rng });
  assert.notEqual(h.divergedAtStep, null);
  assert.ok(Number.isNaN(h.loss[h.divergedAtStep!]));
  assert.equal(h.loss.length, h.divergedAtStep! + 1);
});

test("bad options are rejected with what was expected", () => {
  const x = Matrix.zeros(4, 1), y = Matrix.zeros(4, 1);
  const m = recordingModel([]);
  const ok = { learningRate: 0.1, steps: 1, batchSize: 2, rng: new Rng(1) };
  assert.throws(() => trainMinibatchSgd(m, x, y, { ...ok, learningRate: -1 }), /positive finite learning rate, got -1/);
  assert.throws(() => trainMinibatchSgd(m, x, y, { ...ok, batchSize: 5 }), /batch size between 1 and the 4 rows of x, got 5/);
  assert.throws(() => trainMinibatchSgd(m, x, y, { ...ok, steps: 1.5 }), /integer number of steps, got 1.5/);
  assert.throws(() => trainMinibatchSgd(m, x, Matrix.zeros(3, 1), ok), /x has 4 rows but y has 3/);
  assert.throws(() => trainMinibatchSgd(m, x, y, { ...ok, rng: undefined as never }), /expected an Rng/);
});
