import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { trainGradientDescent } from "../../lib/train/gradient_descent";
import { Matrix } from "../../lib/engine/matrix";
import { setupTfjs } from "../../lib/tfjs/setup";
import { matrixToTensor } from "../../lib/tfjs/convert";
import { denseStack, trainableVariables } from "../../lib/tfjs/dense_stack";
import { getKernels, setKernels } from "../../lib/tfjs/kernels";
import { trainWithOptimizer } from "../../lib/tfjs/optimizers";
import { sumOfSquaresTf } from "../../lib/tfjs/sum_of_squares_tf";
import { TRAJECTORY_TOLERANCE, cloneWeights, maxTrajectoryError, tutorialProblem } from "./tutorial_problem";

test("a tf.sequential of dense layers holding the lib net's weights follows its loss for 20 SGD steps, leaking nothing", async () => {
  await setupTfjs();
  const p = tutorialProblem(21);
  const lib = trainGradientDescent(new ThreeLayerNet(cloneWeights(p.weights)), p.x, p.y, { learningRate: p.learningRate, steps: 20 });

  const model = denseStack({ sizes: [1000, 100, 100, 10], init: "heNormal", seed: 7 });
  setKernels(model, [p.weights.w1, p.weights.w2, p.weights.w3]);
  // The weights arrive exactly: they were already float32 values.
  assert.deepEqual(getKernels(model)[1].data, p.weights.w2.data);
  const [x, y] = [matrixToTensor(p.x), matrixToTensor(p.y)];
  const before = tf.memory().numTensors;
  const h = trainWithOptimizer(() => sumOfSquaresTf(model.apply(x) as tf.Tensor2D, y), trainableVariables(model), {
    optimizer: "sgd",
    learningRate: p.learningRate,
    steps: 20,
  });
  assert.equal(tf.memory().numTensors, before, "a training loop must not leak tensors");
  assert.equal(h.tensorsLeaked, 0);
  assert.ok(lib.loss[19] < lib.loss[0] / 10);
  const err = maxTrajectoryError(h.loss, lib.loss);
  assert.ok(err < TRAJECTORY_TOLERANCE, `max relative loss difference ${err}`);
  tf.dispose([x, y]);
  model.dispose();
});

test("denseStack builds bias-free layers with ReLU between them and a linear output", async () => {
  await setupTfjs();
  const model = denseStack({ sizes: [5, 4, 3, 2], init: "glorotUniform", seed: 1 });
  assert.deepEqual(model.layers.map((l) => l.getWeights().length), [1, 1, 1]);
  assert.deepEqual(getKernels(model).map((k) => k.shape), [[5, 4], [4, 3], [3, 2]]);
  // Feed a known input through known weights and compare with relu(relu(x·w1)·w2)·w3 by hand.
  const w = [Matrix.filled(5, 4, 0.1), Matrix.from([[1, -1, 0], [1, -1, 0], [1, -1, 0], [1, -1, 0]]), Matrix.filled(3, 2, 2)];
  setKernels(model, w);
  const out = tf.tidy(() => (model.predict(tf.tensor2d([[1, 2, 3, 4, 5]])) as tf.Tensor).arraySync()) as number[][];
  // x·w1 = 1.5 in each of 4 units; ·w2 -> [6, -6, 0] -> relu [6, 0, 0]; ·w3 -> [12, 12]
  assert.deepEqual(out[0].map((v) => Math.round(v * 1e4) / 1e4), [12, 12]);
  model.dispose();
});

test("denseStack rejects bad arguments with what was expected and what came", async () => {
  await setupTfjs();
  assert.throws(() => denseStack({ sizes: [10], init: "heNormal", seed: 1 }), /at least two positive integer layer sizes, got \[10\]/);
  assert.throws(() => denseStack({ sizes: [10, 0], init: "heNormal", seed: 1 }), /got \[10,0\]/);
  assert.throws(() => denseStack({ sizes: [10, 5], init: "lecun" as never, seed: 1 }), /expected one of heNormal, heUniform, glorotNormal, glorotUniform, got "lecun"/);
});
