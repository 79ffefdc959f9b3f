import { test } from "node:test";
import assert from "node:assert/strict";
import { Rng } from "../../lib/engine/random";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { TUTORIAL_MLP } from "../../lib/nn/three_layer_net";
import { deepSizes, geometricMeanFactor, probeProblem, probeTraining } from "../../lib/experiments/nb02_init_probe";

const normal = (std: number) => (i: number, o: number, r: Rng) => r.randn(i, o, std);

test("probeProblem draws x, y, then the weights: the tutorial's order", () => {
  const p = probeProblem({ ...TUTORIAL_MLP, init: normal(1), batchSize: 128, seed: 13 });
  const rng = new Rng(13);
  const x = rng.randn(128, 1000);
  const y = rng.randn(128, 10);
  const three = ThreeLayerNet.randomNormal(rng);
  assert.deepEqual(p.x.data, x.data);
  assert.deepEqual(p.y.data, y.data);
  p.net.params.forEach((w, l) => assert.deepEqual(w.data, three.params[l].data));
});

test("probeTraining reports the loss relative to Σy²", () => {
  const run = probeTraining({ sizes: [4, 3, 2], activation: "tanh", init: normal(0.5), batchSize: 5, seed: 2 }, { learningRate: 0.01, steps: 3 });
  const { y } = probeProblem({ sizes: [4, 3, 2], activation: "tanh", init: normal(0.5), batchSize: 5, seed: 2 });
  let s = 0;
  for (const v of y.data) s += v * v;
  assert.equal(run.sumOfSquaredTargets, s);
  assert.deepEqual(run.relativeLoss, run.history.loss.map((l) => l / s));
  assert.equal(run.updateToData.length, 3);
});

test("deepSizes and geometricMeanFactor", () => {
  assert.deepEqual(deepSizes(3, 500), [500, 500, 500, 500, 10]);
  assert.deepEqual(deepSizes(0, 4, 2), [4, 2]);
  assert.throws(() => deepSizes(-1, 500), /non-negative integer number of hidden layers, got -1/);
  assert.equal(geometricMeanFactor([8, 4, 2, 1]), 0.5);
  assert.throws(() => geometricMeanFactor([1]), /at least 2 values, got 1/);
  assert.throws(() => geometricMeanFactor([0, 1]), /positive first and last values, got 0 and 1/);
  assert.throws(() => probeProblem({ sizes: [4, 2], activation: "relu", init: normal(1), batchSize: 0, seed: 1 }), /positive integer batchSize, got 0/);
});
