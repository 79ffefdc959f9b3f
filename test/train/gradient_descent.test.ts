import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { ThreeLayerNet, TUTORIAL } from "../../lib/nn/three_layer_net";
import { trainGradientDescent } from "../../lib/train/gradient_descent";

const sizes = { batchSize: 16, inputDim: 20, hidden1: 12, hidden2: 12, outputDim: 3 };

function problem(seed: number, std: number) {
  const rng = new Rng(seed);
  const x = rng.randn(16, 20), y = rng.randn(16, 3);
  return { x, y, net: ThreeLayerNet.randomNormal(rng, std, sizes) };
}

test("one step applies W ← W − lr·∂loss/∂W exactly, and history records the loss before the update", () => {
  const { x, y, net } = problem(1, 0.3);
  const before = net.clone();
  const { loss, grads } = before.lossAndGradients(x, y);
  const history = trainGradientDescent(net, x, y, { learningRate: 0.01, steps: 1 });
  assert.deepEqual(history.loss, [loss]);
  assert.equal(history.stepsCompleted, 1);
  net.params.forEach((w, i) => {
    w.data.forEach((v, k) => assert.equal(v, before.params[i].data[k] - 0.01 * grads[i].data[k]));
  });
});

test("a small learning rate drives the loss down by orders of magnitude on a tiny problem", () => {
  const { x, y, net } = problem(2, Math.sqrt(2 / 20));
  const history = trainGradientDescent(net, x, y, { learningRate: 2e-3, steps: 2000 });
  assert.equal(history.divergedAtStep, null);
  assert.equal(history.loss.length, 2000);
  const first = history.loss[0], last = history.loss[history.loss.length - 1];
  assert.ok(last < first / 100, `loss ${first} -> ${last}`);
  assert.equal(history.stalledFraction[0].length, 2);
});

test("when the updates overflow, training stops at the first non-finite loss and says at which step", () => {
  // Seed 5 of the reference setup at the reference's effective step (lr 5e-7 with the true gradient) overflows.
  const rng = new Rng(5);
  const x = rng.randn(128, 1000), y = rng.randn(128, 10);
  const net = ThreeLayerNet.randomNormal(rng);
  const history = trainGradientDescent(net, x, y, { learningRate: 5e-7, steps: 50 });
  assert.notEqual(history.divergedAtStep, null);
  const s = history.divergedAtStep!;
  assert.ok(!Number.isFinite(history.loss[s]));
  assert.equal(history.loss.length, s + 1);
  assert.equal(history.stepsCompleted, s);
  assert.ok(history.loss.slice(0, s).every(Number.isFinite));
});

test("the reference setup (std-normal, lr 1e-6) starts near 3e9 and then dies or overflows", () => {
  const rng = new Rng(0);
  const x = rng.randn(128, 1000), y = rng.randn(128, 10);
  const net = ThreeLayerNet.randomNormal(rng);
  const history = trainGradientDescent(net, x, y, { learningRate: TUTORIAL.learningRate, steps: 30 });
  assert.ok(history.loss[0] > 1.6e9 && history.loss[0] < 6.4e9, `initial loss ${history.loss[0]}`);
  const sumY2 = y.data.reduce((s, v) => s + v * v, 0);
  const diedFlat = history.divergedAtStep === null && history.loss[29] === sumY2 && history.stalledFraction[29][1] === 1;
  const overflowed = history.divergedAtStep !== null;
  assert.ok(diedFlat || overflowed, `neither outcome: ${history.loss.slice(-3)}`);
});

test("bad arguments are refused with what was expected and what came", () => {
  const { x, y, net } = problem(4, 0.3);
  assert.throws(() => trainGradientDescent(net, x, y, { learningRate: 0, steps: 1 }), /expected a positive finite learning rate, got 0/);
  assert.throws(() => trainGradientDescent(net, x, y, { learningRate: -1e-3, steps: 1 }), /got -0.001/);
  assert.throws(() => trainGradientDescent(net, x, y, { learningRate: NaN, steps: 1 }), /got NaN/);
  assert.throws(() => trainGradientDescent(net, x, y, { learningRate: 1e-3, steps: 2.5 }), /integer number of steps, got 2.5/);
  const xNaN = x.clone();
  xNaN.set(3, 4, NaN);
  assert.throws(() => trainGradientDescent(net, xNaN, y, { learningRate: 1e-3, steps: 1 }), /inputs x: expected finite values, got NaN at \[3,4\] of a \(16,20\) matrix/);
  assert.throws(() => trainGradientDescent(net, x, Matrix.zeros(16, 4), { learningRate: 1e-3, steps: 1 }), /targets y: expected shape \(16,3\), got \(16,4\)/);
});
