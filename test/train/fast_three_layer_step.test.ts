import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { matmul, setMatmulKernel } from "../../lib/engine/matmul";
import { matmulNaive } from "../../lib/engine/matmul_naive";
import { ThreeLayerNet, TUTORIAL } from "../../lib/nn/three_layer_net";
import { trainGradientDescent } from "../../lib/train/gradient_descent";
import { trainThreeLayerFast } from "../../lib/train/fast_three_layer_step";
import { gradientCheck } from "../../lib/train/gradient_check";

function heProblem(seed: number, n: number, dims: [number, number, number, number]) {
  const rng = new Rng(seed);
  const [dIn, h1, h2, dOut] = dims;
  const net = new ThreeLayerNet({
    w1: rng.randn(dIn, h1, Math.sqrt(2 / dIn)),
    w2: rng.randn(h1, h2, Math.sqrt(2 / h1)),
    w3: rng.randn(h2, dOut, Math.sqrt(2 / h2)),
  });
  return { net, x: rng.randn(n, dIn), y: rng.randn(n, dOut) };
}

const TUTORIAL_DIMS: [number, number, number, number] = [TUTORIAL.inputDim, TUTORIAL.hidden1, TUTORIAL.hidden2, TUTORIAL.outputDim];

test("on the tutorial's shapes the fast step is bit-identical to the readable one: every loss, stalled fraction, callback and final weight", () => {
  const a = heProblem(3, TUTORIAL.batchSize, TUTORIAL_DIMS);
  const b = { ...a, net: a.net.clone() };
  // the callback sees the updated weights (w3[0] here) in both loops
  const seenSlow: number[][] = [], seenFast: number[][] = [];
  const slow = trainGradientDescent(a.net, a.x, a.y, { learningRate: 1e-4, steps: 30, onStep: (t, l) => seenSlow.push([t, l, a.net.weights.w3.data[0]]) });
  const fast = trainThreeLayerFast(b.net, b.x, b.y, { learningRate: 1e-4, steps: 30, onStep: (t, l) => seenFast.push([t, l, b.net.weights.w3.data[0]]) });
  assert.ok(slow.loss[29] < 0.5 * slow.loss[0], `the loss falls (${slow.loss[0]} -> ${slow.loss[29]}), so the updates were applied`);
  assert.deepEqual(fast, slow);
  assert.deepEqual(seenFast, seenSlow);
  a.net.params.forEach((w, i) => assert.deepEqual(b.net.params[i].data, w.data, `${a.net.paramNames[i]} differs`));
});

test("the fast step stays within rounding of the readable step on the naive kernel (1e-10 relative after 5 steps)", () => {
  const a = heProblem(4, 32, [60, 24, 20, 5]);
  const b = { ...a, net: a.net.clone() };
  setMatmulKernel("naive");
  let slow: ReturnType<typeof trainGradientDescent>;
  try {
    slow = trainGradientDescent(a.net, a.x, a.y, { learningRate: 1e-3, steps: 5 });
  } finally {
    setMatmulKernel("auto");
  }
  const fast = trainThreeLayerFast(b.net, b.x, b.y, { learningRate: 1e-3, steps: 5 });
  fast.loss.forEach((l, t) => assert.ok(Math.abs(l - slow.loss[t]) <= 1e-10 * slow.loss[t], `step ${t}: ${l} vs ${slow.loss[t]}`));
  a.net.params.forEach((w, i) => {
    const scale = w.data.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
    w.data.forEach((v, k) => assert.ok(Math.abs(b.net.params[i].data[k] - v) <= 1e-10 * scale, `${a.net.paramNames[i]}[${k}]`));
  });
});

test("the fast step's update is −lr times the finite-difference gradient (recovered from one step)", () => {
  const { net, x, y } = heProblem(5, 16, [20, 12, 10, 3]);
  const before = net.clone();
  const lr = 1e-3;
  trainThreeLayerFast(net, x, y, { learningRate: lr, steps: 1 });
  const recovered = before.params.map((w, i) => {
    const g = new Matrix(w.rows, w.cols);
    g.data.forEach((_, k) => (g.data[k] = (w.data[k] - net.params[i].data[k]) / lr));
    return g;
  });
  for (const check of gradientCheck(before, x, y, { analyticGrads: recovered })) {
    assert.ok(check.maxRelativeError < 1e-5, `${check.name}: relative error ${check.maxRelativeError}`);
  }
});

test("a diverging run stops at the non-finite loss like the readable loop, and matmul works after the fast run released its memory", () => {
  const a = heProblem(6, 16, [20, 12, 10, 3]);
  a.x.data.forEach((v, k) => (a.x.data[k] = v * 1e60)); // loss ~1e120 at step 0, overflow after the first update
  const b = { ...a, net: a.net.clone() };
  const slow = trainGradientDescent(a.net, a.x, a.y, { learningRate: 1, steps: 20 });
  const fast = trainThreeLayerFast(b.net, b.x, b.y, { learningRate: 1, steps: 20 });
  assert.ok(slow.divergedAtStep !== null && slow.divergedAtStep > 0, `readable run diverged at ${slow.divergedAtStep}`);
  assert.equal(fast.divergedAtStep, slow.divergedAtStep);
  assert.equal(fast.stepsCompleted, slow.stepsCompleted);
  const rng = new Rng(8);
  const p = rng.randn(130, 70), q = rng.randn(70, 90);
  const c = matmul(p, q), ref = matmulNaive(p, q);
  c.data.forEach((v, k) => assert.ok(Math.abs(v - ref.data[k]) < 1e-10));
});

test("the fast step checks its arguments like the readable one", () => {
  const { net, x, y } = heProblem(7, 8, [20, 12, 10, 3]);
  assert.throws(() => trainThreeLayerFast(net, x, y, { learningRate: -1, steps: 1 }), /expected a positive finite learning rate, got -1/);
  assert.throws(() => trainThreeLayerFast(net, x, new Matrix(8, 4), { learningRate: 1, steps: 1 }), /targets y/);
});
