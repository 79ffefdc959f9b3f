import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { Mlp } from "../../lib/nn/mlp";
import { sumOfSquaredErrors } from "../../lib/nn/sum_of_squares_loss";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { layerStatistics, trainWithStatistics, updateRatio } from "../../lib/train/statistics";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

// x (2,1), w1 (1,2), w2 (2,1), ReLU:  h1 = [[1,−1],[2,−2]], a1 = [[1,0],[2,0]], yPred = [[1],[2]], y = 0, loss = 5.
// Backward: dyPred = [[2],[4]]; dw2 = a1ᵀ·dyPred = [[10],[0]]; da1 = dyPred·w2ᵀ = [[2,6],[4,12]];
// dh1 = da1 ⊙ [h1 > 0] = [[2,0],[4,0]]; dw1 = xᵀ·dh1 = [[10,0]].
function handNet() {
  const net = new Mlp([Matrix.from([[1, -1]]), Matrix.from([[1], [3]])], "relu", sumOfSquaredErrors);
  return { net, x: Matrix.from([[1], [2]]), y: Matrix.from([[0], [0]]) };
}

test("layerStatistics on a hand-computed two-layer ReLU net", () => {
  const { net, x, y } = handNet();
  const s = layerStatistics(net, x, y, { activationEdges: [0, 1, 2], gradientEdges: [-1, 0, 1, 5] });
  assert.equal(s.loss, 5);
  assert.equal(s.activation, "relu");
  assert.equal(s.batchSize, 2);
  close(s.inputStd, 0.5);
  close(s.outputStd, 0.5); // yPred {1, 2}
  close(s.outputGradientStd, 1); // dyPred {2, 4}
  assert.equal(s.hidden.length, 1);
  const h = s.hidden[0];
  assert.equal(h.layer, 1);
  assert.equal(h.width, 2);
  close(h.preActivationStd, Math.sqrt(2.5)); // {1, −1, 2, −2}
  close(h.activationMean, 0.75); // {1, 0, 2, 0}
  close(h.activationStd, Math.sqrt(1.25 - 0.75 ** 2));
  assert.equal(h.stallKind, "dead");
  assert.equal(h.stalledFraction, 0.5); // the second unit is zero for both samples
  assert.deepEqual(h.activationHistogram.counts, [2, 2]);
  close(h.backpropGradientStd, Math.sqrt(5 - 1.5 ** 2)); // dh1 {2, 0, 4, 0}
  assert.deepEqual(h.backpropGradientHistogram.counts, [0, 2, 2]);
  assert.deepEqual(
    s.weights.map((w) => [w.name, w.layer, w.weightStd, w.gradientStd, w.gradientToData]),
    [
      ["w1", 1, 1, 5, 5], // W {1, −1}, dW {10, 0}
      ["w2", 2, 1, 5, 5], // W {1, 3},  dW {10, 0}
    ],
  );
});

test("tanh statistics: saturated values counted, default bins span [−1, 1]", () => {
  // One input of 3 and weights 1 and 0.1: tanh(3) = 0.995 (saturated), tanh(0.3) = 0.291 (not).
  const net = new Mlp([Matrix.from([[1, 0.1]]), Matrix.from([[1], [1]])], "tanh", sumOfSquaredErrors);
  const s = layerStatistics(net, Matrix.from([[3]]), Matrix.from([[0]]));
  assert.equal(s.hidden[0].stallKind, "saturated");
  assert.equal(s.hidden[0].stalledFraction, 0.5);
  const edges = s.hidden[0].activationHistogram.edges;
  assert.equal(edges.length, 42); // 41 bins, one of them centred on 0
  assert.equal(edges[0], -1);
  assert.equal(edges[41], 1);
  assert.ok(Math.abs(edges[20] + edges[21]) < 1e-15, "the middle bin is symmetric about 0");
});

test("layerStatistics agrees with ThreeLayerNet's own hidden layers on the tutorial net", () => {
  const rng = new Rng(21);
  const three = ThreeLayerNet.randomNormal(rng);
  const x = rng.randn(8, 1000);
  const y = rng.randn(8, 10);
  const s = layerStatistics(new Mlp(three.params, "relu", sumOfSquaredErrors), x, y);
  const cache = three.forward(x);
  const stdOf = (m: Matrix) => {
    let mu = 0;
    for (const v of m.data) mu += v / m.size;
    let s2 = 0;
    for (const v of m.data) s2 += (v - mu) ** 2 / m.size;
    return Math.sqrt(s2);
  };
  close(s.hidden[0].activationStd, stdOf(cache.a1), 1e-12);
  close(s.hidden[1].activationStd, stdOf(cache.a2), 1e-12);
  close(s.hidden[1].preActivationStd, stdOf(cache.h2), 1e-12);
  close(s.loss, three.loss(x, y), 1e-15);
});

test("layerStatistics needs an Mlp", () => {
  const three = ThreeLayerNet.randomNormal(new Rng(1));
  assert.throws(() => layerStatistics(three as unknown as Mlp, new Matrix(1, 1000), new Matrix(1, 10)), /expected an Mlp .*got a ThreeLayerNet/);
});

test("updateRatio is std(after − before) / std(before)", () => {
  const before = Matrix.from([[1, 3]]); // std 1
  const after = Matrix.from([[1.5, 3.1]]); // change {0.5, 0.1}: std 0.2
  close(updateRatio(before, after), 0.2, 1e-12);
});

test("trainWithStatistics: the update:data ratio of step t is lr·std(dW)/std(W) at step t", () => {
  const rng = new Rng(30);
  const net = Mlp.initialized({ sizes: [6, 5, 4, 3], activation: "tanh", loss: sumOfSquaredErrors }, (i, o, r) => r.randn(i, o, 0.7), rng);
  const x = rng.randn(10, 6);
  const y = rng.randn(10, 3);
  const lr = 0.003;
  const expected0 = layerStatistics(net, x, y).weights.map((w) => (lr * w.gradientStd) / w.weightStd);
  const run = trainWithStatistics(net, x, y, { learningRate: lr, steps: 7, snapshotEvery: 3 });
  assert.equal(run.updateToData.length, 7);
  run.updateToData[0].forEach((r, p) => close(r, expected0[p], 1e-9));
  assert.deepEqual(run.paramNames, ["w1", "w2", "w3"]);
  // Snapshots before steps 0, 3, 6 and after the last step (7); each snapshot's loss is that step's loss.
  assert.deepEqual(run.snapshots.map((s) => s.step), [0, 3, 6, 7]);
  assert.equal(run.snapshots[1].statistics.loss, run.history.loss[3]);
  // The last step's ratio matches the gradient at the weights just before it.
  const tail = run.updateToData[6];
  const stats6 = run.snapshots[2].statistics.weights;
  tail.forEach((r, p) => close(r, (lr * stats6[p].gradientStd) / stats6[p].weightStd, 1e-9));
});

test("trainWithStatistics stops recording when the loss overflows", () => {
  const rng = new Rng(31);
  // A linear model with a far too large step: the loss grows geometrically until it overflows.
  const net = Mlp.initialized({ sizes: [20, 5], activation: "relu", loss: sumOfSquaredErrors }, (i, o, r) => r.randn(i, o, 1), rng);
  const run = trainWithStatistics(net, rng.randn(16, 20), rng.randn(16, 5), { learningRate: 1, steps: 500 });
  assert.notEqual(run.history.divergedAtStep, null);
  assert.equal(run.updateToData.length, run.history.stepsCompleted);
});

test("trainWithStatistics rejects a bad snapshotEvery", () => {
  const { net, x, y } = handNet();
  assert.throws(() => trainWithStatistics(net, x, y, { learningRate: 0.1, steps: 2, snapshotEvery: 0 }), /snapshotEvery to be a positive integer, got 0/);
  assert.throws(() => trainWithStatistics(net, x, y, { learningRate: -1, steps: 2 }), /positive finite learning rate, got -1/);
});

test("layerStatistics also bins log10|v| over quarter decades covering every layer", () => {
  const { net, x, y } = handNet();
  const s = layerStatistics(net, x, y);
  // a1 = {1, 0, 2, 0}: two zeros, 1 and 2 in [0, 0.25) and [0.25, 0.5); dh1 = {2, 0, 4, 0}: decades 0–1.
  const a = s.hidden[0].activationLogHistogram;
  assert.deepEqual(a.edges, [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(a.counts, [1, 1, 0, 0]);
  assert.equal(a.zero, 2);
  const g = s.hidden[0].backpropGradientLogHistogram;
  assert.deepEqual(g.counts, [0, 1, 1, 0]); // log10 2 = 0.30, log10 4 = 0.60
  assert.equal(g.zero, 2);
  const fixed = layerStatistics(net, x, y, { activationLogEdges: [-1, 0, 1], gradientLogEdges: [1, 2] });
  assert.deepEqual(fixed.hidden[0].activationLogHistogram.counts, [0, 2]);
  assert.equal(fixed.hidden[0].backpropGradientLogHistogram.below, 2);
});
