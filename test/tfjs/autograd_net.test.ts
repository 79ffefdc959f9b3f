import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { trainGradientDescent } from "../../lib/train/gradient_descent";
import { setupTfjs } from "../../lib/tfjs/setup";
import { matrixToTensor } from "../../lib/tfjs/convert";
import { TfAutogradNet, trainAutograd } from "../../lib/tfjs/autograd_net";
import { Matrix } from "../../lib/engine/matrix";
import { GRADIENT_TOLERANCE, TRAJECTORY_TOLERANCE, cloneWeights, maxTrajectoryError, scaledMaxError, tutorialProblem } from "./tutorial_problem";

test("tf.variableGrads gives the lib's hand-derived gradients (with the 2(ŷ−y) factor) to float32 precision", async () => {
  await setupTfjs();
  for (const seed of [1, 2, 3]) {
    const p = tutorialProblem(seed);
    const ref = new ThreeLayerNet(cloneWeights(p.weights)).lossAndGradients(p.x, p.y);
    const net = new TfAutogradNet(p.weights);
    const [xt, yt] = [matrixToTensor(p.x), matrixToTensor(p.y)];
    const before = tf.memory().numTensors;
    const got = net.lossAndGradients(xt, yt);
    assert.equal(tf.memory().numTensors, before, "lossAndGradients leaked tensors");
    assert.ok(Math.abs(got.loss - ref.loss) / ref.loss < GRADIENT_TOLERANCE, `loss ${got.loss} vs ${ref.loss}`);
    got.grads.forEach((g, i) => {
      const err = scaledMaxError(g, ref.grads[i]);
      assert.ok(err < GRADIENT_TOLERANCE, `seed ${seed} ${net.paramNames[i]}: scaled max error ${err}`);
    });
    // The check is sharp enough to see the reference tutorial's slip: its gradient drops the factor 2.
    const halved = new Matrix(ref.grads[2].rows, ref.grads[2].cols, ref.grads[2].data.map((v) => v / 2));
    assert.ok(scaledMaxError(halved, got.grads[2]) > 0.4);
    tf.dispose([xt, yt]);
    net.dispose();
  }
});

test("20 autograd SGD steps follow the lib's loss trajectory, and leak nothing", async () => {
  await setupTfjs();
  const p = tutorialProblem(4);
  const lib = trainGradientDescent(new ThreeLayerNet(cloneWeights(p.weights)), p.x, p.y, { learningRate: p.learningRate, steps: 20 });
  const net = new TfAutogradNet(p.weights);
  const before = tf.memory().numTensors;
  const h = trainAutograd(net, p.x, p.y, { learningRate: p.learningRate, steps: 20 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(h.tensorsLeaked, 0);
  assert.equal(h.stepsCompleted, 20);
  assert.ok(lib.loss[19] < lib.loss[0] / 10, "the run should learn (loss falls > 10x)");
  const err = maxTrajectoryError(h.loss, lib.loss);
  assert.ok(err < TRAJECTORY_TOLERANCE, `max relative loss difference ${err}`);
  net.dispose();
});

test("TfAutogradNet rejects bad shapes, bad learning rates and use after dispose", async () => {
  await setupTfjs();
  const p = tutorialProblem(5);
  assert.throws(
    () => new TfAutogradNet({ w1: p.weights.w1, w2: p.weights.w3, w3: p.weights.w3 }),
    /weight shapes do not chain: w1 Matrix\(1000,100\), w2 Matrix\(100,10\), w3 Matrix\(100,10\)/,
  );
  const net = new TfAutogradNet(p.weights);
  const x = tf.zeros([4, 999]) as tf.Tensor2D;
  const y = tf.zeros([4, 10]) as tf.Tensor2D;
  const yBad = tf.zeros([4, 9]) as tf.Tensor2D;
  const x1000 = tf.zeros([4, 1000]) as tf.Tensor2D;
  assert.throws(() => net.predict(x), /inputs x \(4,999\) not aligned with a network expecting \(N,1000\)/);
  assert.throws(() => net.loss(x1000, yBad), /targets y \(4,9\) do not match the expected \(4,10\)/);
  for (const lr of [0, -1e-4, NaN, Infinity]) {
    assert.throws(() => net.sgdStep(x1000, y, lr), /expected a positive finite learning rate, got/);
  }
  assert.throws(() => trainAutograd(net, p.x, p.y, { learningRate: 1e-4, steps: 1.5 }), /non-negative integer number of steps, got 1.5/);
  net.dispose();
  assert.throws(() => net.getWeights(), /used after dispose/);
  tf.dispose([x, y, yBad, x1000]);
});

test("a diverging run stops at the first non-finite loss instead of training on NaN", async () => {
  await setupTfjs();
  const p = tutorialProblem(6);
  const net = new TfAutogradNet(p.weights);
  const h = trainAutograd(net, p.x, p.y, { learningRate: 1, steps: 50 });
  assert.notEqual(h.divergedAtStep, null);
  assert.equal(h.loss.length, h.divergedAtStep! + 1);
  assert.ok(!Number.isFinite(h.loss[h.loss.length - 1]));
  net.dispose();
});
