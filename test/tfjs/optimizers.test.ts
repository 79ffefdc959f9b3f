import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { setupTfjs } from "../../lib/tfjs/setup";
import { TfAutogradNet, trainAutograd } from "../../lib/tfjs/autograd_net";
import { matrixToTensor } from "../../lib/tfjs/convert";
import { makeOptimizer, trainWithOptimizer } from "../../lib/tfjs/optimizers";
import { maxTrajectoryError, tutorialProblem } from "./tutorial_problem";
import { observeSteps } from "../../lib/train/step_observer";

test("tf.train.sgd takes the same steps as our own w -= lr·grad", async () => {
  await setupTfjs();
  const p = tutorialProblem(41);
  const own = new TfAutogradNet(p.weights);
  const ownHistory = trainAutograd(own, p.x, p.y, { learningRate: p.learningRate, steps: 10 });
  const net = new TfAutogradNet(p.weights);
  const [x, y] = [matrixToTensor(p.x), matrixToTensor(p.y)];
  const h = trainWithOptimizer(() => net.loss(x, y), net.variables, { optimizer: "sgd", learningRate: p.learningRate, steps: 10 });
  assert.ok(maxTrajectoryError(h.loss, ownHistory.loss) < 1e-5, `${maxTrajectoryError(h.loss, ownHistory.loss)}`);
  tf.dispose([x, y]);
  own.dispose();
  net.dispose();
});

test("the tfjs loops report every step to a tracking progress line, with the loss they recorded", async () => {
  await setupTfjs();
  const p = tutorialProblem(43);
  const net = new TfAutogradNet(p.weights);
  const [x, y] = [matrixToTensor(p.x), matrixToTensor(p.y)];
  const seen: [number, number, number][] = [];
  const h = observeSteps((step, steps, loss) => seen.push([step, steps, loss]),
    () => trainWithOptimizer(() => net.loss(x, y), net.variables, { optimizer: "sgd", learningRate: p.learningRate, steps: 4 }));
  assert.deepEqual(seen, h.loss.map((l, t) => [t, 4, l]));
  const auto = new TfAutogradNet(p.weights);
  const seenAuto: number[] = [];
  const ha = observeSteps((step, _steps, loss) => seenAuto.push(loss), () => trainAutograd(auto, p.x, p.y, { learningRate: p.learningRate, steps: 3 }));
  assert.deepEqual(seenAuto, ha.loss);
  tf.dispose([x, y]);
  net.dispose();
  auto.dispose();
});

test("tf.train.adam lowers the loss and its moment variables are disposed with it: no tensor leaks", async () => {
  await setupTfjs();
  const p = tutorialProblem(42);
  const net = new TfAutogradNet(p.weights);
  const [x, y] = [matrixToTensor(p.x), matrixToTensor(p.y)];
  const before = tf.memory().numTensors;
  const h = trainWithOptimizer(() => net.loss(x, y), net.variables, { optimizer: "adam", learningRate: 1e-3, steps: 30 });
  assert.equal(tf.memory().numTensors, before);
  assert.ok(h.loss[29] < h.loss[0] / 5, `adam: ${h.loss[0]} -> ${h.loss[29]}`);
  tf.dispose([x, y]);
  net.dispose();
});

test("optimizer helpers reject bad learning rates, names and variable lists", async () => {
  await setupTfjs();
  assert.throws(() => makeOptimizer("sgd", 0), /makeOptimizer\("sgd"\): expected a positive finite learning rate, got 0/);
  assert.throws(() => makeOptimizer("adam", NaN), /got NaN/);
  assert.throws(() => makeOptimizer("rmsprop" as never, 0.1), /expected "sgd" or "adam", got "rmsprop"/);
  assert.throws(() => trainWithOptimizer(() => tf.scalar(0), [], { optimizer: "sgd", learningRate: 0.1, steps: 1 }), /non-empty array of tf.Variable/);
});

test("Adam's own state is not reported as a leak: tensorsLeaked is counted after the optimizer is disposed", async () => {
  await setupTfjs();
  const w = tf.variable(tf.tensor2d([[1, 2], [3, 4]]));
  const lossFn = () => tf.sum(tf.square(w)) as tf.Scalar;
  const before = tf.memory().numTensors;
  const h = trainWithOptimizer(lossFn, [w], { optimizer: "adam", learningRate: 0.1, steps: 5 });
  assert.equal(h.tensorsLeaked, 0);
  assert.equal(tf.memory().numTensors, before);
  w.dispose();
});
