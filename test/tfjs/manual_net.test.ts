import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { trainGradientDescent } from "../../lib/train/gradient_descent";
import { setupTfjs } from "../../lib/tfjs/setup";
import { matrixToTensor } from "../../lib/tfjs/convert";
import { tfManualLossAndGradients, tfThreeLayerForward, trainManualTf } from "../../lib/tfjs/manual_net";
import { GRADIENT_TOLERANCE, TRAJECTORY_TOLERANCE, cloneWeights, maxTrajectoryError, scaledMaxError, tutorialProblem } from "./tutorial_problem";

test("the backward pass written with tf ops equals the lib's, to float32 precision, leaking nothing", async () => {
  await setupTfjs();
  const p = tutorialProblem(11);
  const ref = new ThreeLayerNet(cloneWeights(p.weights)).lossAndGradients(p.x, p.y);
  const t = [p.x, p.y, p.weights.w1, p.weights.w2, p.weights.w3].map((m) => matrixToTensor(m));
  const [x, y, w1, w2, w3] = t;
  const before = tf.memory().numTensors;
  const got = tfManualLossAndGradients(x, y, { w1, w2, w3 });
  assert.equal(tf.memory().numTensors, before);
  assert.ok(Math.abs(got.loss - ref.loss) / ref.loss < GRADIENT_TOLERANCE);
  got.grads.forEach((g, i) => assert.ok(scaledMaxError(g, ref.grads[i]) < GRADIENT_TOLERANCE, `w${i + 1}: ${scaledMaxError(g, ref.grads[i])}`));
  assert.throws(() => tf.tidy(() => tfThreeLayerForward(w1, { w1, w2, w3 }).yPred), /inputs x \(1000,100\) not aligned with a network expecting \(N,1000\)/);
  tf.dispose(t);
});

test("20 steps of hand-written tf gradient descent follow the lib's trajectory and return the trained weights", async () => {
  await setupTfjs();
  const p = tutorialProblem(12);
  const libNet = new ThreeLayerNet(cloneWeights(p.weights));
  const lib = trainGradientDescent(libNet, p.x, p.y, { learningRate: p.learningRate, steps: 20 });
  const before = tf.memory().numTensors;
  const got = trainManualTf(p.weights, p.x, p.y, { learningRate: p.learningRate, steps: 20 });
  assert.equal(tf.memory().numTensors, before, "trainManualTf must dispose its variables and data");
  assert.ok(maxTrajectoryError(got.history.loss, lib.loss) < TRAJECTORY_TOLERANCE);
  assert.ok(scaledMaxError(got.weights.w3, libNet.weights.w3) < 1e-4);
  assert.throws(() => trainManualTf(p.weights, p.x, p.y, { learningRate: -1, steps: 1 }), /positive finite learning rate, got -1/);
});
