import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { reluBackward, reluForward, deadUnitFraction } from "../../lib/nn/relu";
import { leakyReluBackward, leakyReluForward } from "../../lib/nn/leaky_relu";
import { trainGradientDescent } from "../../lib/train/gradient_descent";
import { trainMinibatchSgd } from "../../lib/train/minibatch_sgd";
import { trainAdam } from "../../lib/train/adam";
import { Rng } from "../../lib/engine/random";
import { REFERENCE_EFFECTIVE_LEARNING_RATE, runTutorialSeed, tutorialProblem, runOutcome } from "../../lib/experiments/nb01_tutorial_runs";

test("ReLU and leaky ReLU keep NaN as numpy's maximum does; their backward and mask mark it", () => {
  const h = Matrix.from([[NaN, -1, 2, 0]]);
  assert.deepEqual(reluForward(h).toArray(), [[NaN, 0, 2, 0]]);
  assert.deepEqual(reluBackward(Matrix.filled(1, 4, 3), h).toArray(), [[NaN, 0, 3, 0]]);
  assert.deepEqual(leakyReluForward(h, 0.1).toArray(), [[NaN, -0.1, 2, 0]]);
  assert.deepEqual(leakyReluBackward(Matrix.filled(1, 4, 3), h, 0.1).toArray().map((r) => r.map((v) => Math.round(v * 10) / 10)), [[NaN, 0.3, 3, 0.3]]);
  // A NaN column is not a dead unit.
  assert.equal(deadUnitFraction(Matrix.from([[NaN, 0], [0, 0]])), 0.5);
});

test("a NaN planted in a weight stops every lib loop at step 0, naming the weight and where", () => {
  for (const train of ["gd", "sgd", "adam"] as const) {
    const { x, y, net } = tutorialProblem(1, 0.01);
    net.params[1].set(3, 7, NaN);
    const opts = { learningRate: 1e-6, steps: 50 };
    const h =
      train === "gd" ? trainGradientDescent(net, x, y, opts)
      : train === "adam" ? trainAdam(net, x, y, opts)
      : trainMinibatchSgd(net, x, y, { ...opts, batchSize: 32, rng: new Rng(2) });
    assert.equal(h.divergedAtStep, 0, train);
    assert.equal(h.stepsCompleted, 0, train);
    assert.equal(h.divergence?.kind, "weight");
    assert.equal(h.divergence?.layer, net.paramNames[1]);
    assert.deepEqual(h.divergence?.index, [3, 7]);
    assert.match(h.divergence!.message, /step 0: weight w2 \(100,100\) holds NaN at \[3,7\]/);
  }
});

test("the tutorial's seed 2 overflows at step 6 and the record says what overflowed first", () => {
  const over = runTutorialSeed(2, REFERENCE_EFFECTIVE_LEARNING_RATE, 60);
  assert.equal(over.divergedAtStep, 6);
  const d = over.history.divergence!;
  assert.equal(d.step, 6);
  assert.ok(!Number.isFinite(d.value));
  assert.equal(runOutcome(over.history), "overflow");
});

test("an infinite input value is named as the first hidden layer's activation", () => {
  const { x, y, net } = tutorialProblem(1, 0.01);
  const h = net.lossAndGradients(x, y); // shapes for reference
  assert.equal(h.hidden.length, 2);
  net.params[0].set(0, 0, 1e308);
  net.params[0].set(1, 0, 1e308);
  const r = trainGradientDescent(net, x, y, { learningRate: 1e-6, steps: 3 });
  assert.equal(r.divergedAtStep, 0);
  assert.equal(r.divergence?.kind, "activation");
  assert.equal(r.divergence?.layer, "hidden layer 1");
});

test("zero training steps is not reported as alive", () => {
  const { x, y, net } = tutorialProblem(1, 0.01);
  assert.equal(runOutcome(trainGradientDescent(net, x, y, { learningRate: 1e-6, steps: 0 })), "untrained");
  assert.equal(runOutcome(trainGradientDescent(net, x, y, { learningRate: 1e-6, steps: 1 })), "alive");
});
