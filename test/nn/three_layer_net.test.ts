import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { ThreeLayerNet, TUTORIAL } from "../../lib/nn/three_layer_net";
import { gradientCheck } from "../../lib/train/gradient_check";
import { scale } from "../../lib/engine/elementwise";
import { matmul } from "../../lib/engine/matmul";
import { sumOfSquaresLossBackward } from "../../lib/nn/sum_of_squares_loss";

const small = { batchSize: 6, inputDim: 7, hidden1: 5, hidden2: 4, outputDim: 3, learningRate: 1e-3, steps: 10 };

function smallProblem(seed: number) {
  const rng = new Rng(seed);
  const x = rng.randn(small.batchSize, small.inputDim);
  const y = rng.randn(small.batchSize, small.outputDim);
  const net = ThreeLayerNet.randomNormal(rng, 0.7, small);
  return { x, y, net };
}

test("hand-derived gradients match central finite differences to < 1e-6 relative, on several seeds", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const { x, y, net } = smallProblem(seed);
    const report = gradientCheck(net, x, y);
    assert.deepEqual(report.map((r) => r.name), ["w1", "w2", "w3"]);
    for (const r of report) {
      assert.equal(r.entriesChecked, net.params[report.indexOf(r)].size);
      assert.ok(r.maxRelativeError < 1e-6, `seed ${seed} ${r.name}: ${r.maxRelativeError}`);
    }
  }
});

test("the gradient check catches a wrong gradient: the reference tutorial's missing factor 2", () => {
  const { x, y, net } = smallProblem(9);
  const halved = net.lossAndGradients(x, y).grads.map((g) => scale(g, 0.5));
  const report = gradientCheck(net, x, y, { analyticGrads: halved });
  for (const r of report) assert.ok(r.maxRelativeError > 0.3, `${r.name}: ${r.maxRelativeError} should flag the bug`);
});

test("the gradient check catches a gradient that ignores the ReLU mask", () => {
  const { x, y, net } = smallProblem(10);
  const cache = net.forward(x);
  const good = net.backward(cache, y);
  // Recompute dw1 as if ReLU's derivative were 1 everywhere.
  const { w2, w3 } = net.weights;
  const dyPred = sumOfSquaresLossBackward(cache.yPred, y);
  const da1Unmasked = matmul(matmul(dyPred, w3, { transB: true }), w2, { transB: true });
  const wrongDw1 = matmul(x, da1Unmasked, { transA: true });
  const report = gradientCheck(net, x, y, { analyticGrads: [wrongDw1, good.w2, good.w3] });
  assert.ok(report[0].maxRelativeError > 1e-2, `w1: ${report[0].maxRelativeError}`);
  assert.ok(report[1].maxRelativeError < 1e-6 && report[2].maxRelativeError < 1e-6);
});

test("sampled gradient check on the tutorial's full-size net at a sane scale", () => {
  const rng = new Rng(21);
  const x = rng.randn(TUTORIAL.batchSize, TUTORIAL.inputDim);
  const y = rng.randn(TUTORIAL.batchSize, TUTORIAL.outputDim);
  const net = new ThreeLayerNet({
    w1: rng.randn(1000, 100, Math.sqrt(2 / 1000)),
    w2: rng.randn(100, 100, Math.sqrt(2 / 100)),
    w3: rng.randn(100, 10, Math.sqrt(2 / 100)),
  });
  const report = gradientCheck(net, x, y, { maxEntriesPerParam: 12, rng: rng.fork(), epsilon: 1e-5 });
  for (const r of report) {
    assert.equal(r.entriesChecked, 12);
    assert.ok(r.maxRelativeError < 1e-6, `${r.name}: ${r.maxRelativeError}`);
  }
});

test("the initial loss at std-normal init is about N·10·1000·50·50 ≈ 3.2e9", () => {
  const rng = new Rng(0);
  const x = rng.randn(TUTORIAL.batchSize, TUTORIAL.inputDim);
  const y = rng.randn(TUTORIAL.batchSize, TUTORIAL.outputDim);
  const loss = ThreeLayerNet.randomNormal(rng).loss(x, y);
  const theory = 128 * 10 * 1000 * 50 * 50;
  assert.ok(loss > theory / 2 && loss < theory * 2, `loss ${loss} vs theory ${theory}`);
});

test("bad inputs give errors that name what was expected and what came", () => {
  const rng = new Rng(3);
  const net = ThreeLayerNet.randomNormal(rng, 1, small);
  assert.throws(() => net.forward(Matrix.zeros(6, 8)), /input x: expected shape \(6,7\), got \(6,8\)/);
  assert.throws(() => net.lossAndGradients(Matrix.zeros(6, 7), Matrix.zeros(6, 2)), /targets y: expected shape \(6,3\), got \(6,2\)/);
  assert.throws(
    () => new ThreeLayerNet({ w1: Matrix.zeros(7, 5), w2: Matrix.zeros(4, 4), w3: Matrix.zeros(4, 3) }),
    /weight shapes do not chain: w1 \(7,5\), w2 \(4,4\), w3 \(4,3\)/,
  );
  const nanW = Matrix.zeros(7, 5);
  nanW.set(0, 0, NaN);
  assert.throws(() => new ThreeLayerNet({ w1: nanW, w2: Matrix.zeros(5, 4), w3: Matrix.zeros(4, 3) }), /weights w1: expected finite values, got NaN at \[0,0\]/);
});

test("the gradient check refuses settings under which it would check nothing", () => {
  const { x, y, net } = smallProblem(11);
  assert.throws(() => gradientCheck(net, x, y, { maxEntriesPerParam: 0 }), /maxEntriesPerParam to be a positive integer or Infinity, got 0/);
  assert.throws(() => gradientCheck(net, x, y, { maxEntriesPerParam: -1 }), /got -1/);
  assert.throws(() => gradientCheck(net, x, y, { epsilon: 0 }), /positive finite epsilon, got 0/);
});
