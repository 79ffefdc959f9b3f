// Every tfjs helper, called with good and with bad arguments, leaves tf.memory().numTensors where it was.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { setupTfjs } from "../../lib/tfjs/setup";
import { matrixToTensor } from "../../lib/tfjs/convert";
import { trainManualTf, tfManualLossAndGradients } from "../../lib/tfjs/manual_net";
import { TfAutogradNet, trainAutograd } from "../../lib/tfjs/autograd_net";
import { fitWithProgress } from "../../lib/tfjs/fit";
import { denseStack } from "../../lib/tfjs/dense_stack";
import { formulaStd } from "../../lib/tfjs/initializers";
import { trainWithOptimizer } from "../../lib/tfjs/optimizers";

const rng = new Rng(13);
const w = () => ({ w1: rng.randn(6, 5, 0.3), w2: rng.randn(5, 4, 0.3), w3: rng.randn(4, 2, 0.3) });
const x = rng.randn(8, 6);
const y = rng.randn(8, 2);
const withNaN = (m: Matrix) => {
  const c = m.clone();
  c.set(1, 1, NaN);
  return c;
};

async function leaksOf(f: () => unknown): Promise<{ leaked: number; error: Error | null }> {
  const before = tf.memory().numTensors;
  let error: Error | null = null;
  try {
    const r = f();
    if (r instanceof Promise) await r;
  } catch (e) {
    error = e as Error;
  }
  return { leaked: tf.memory().numTensors - before, error };
}

test("tfjs helpers leak no tensor with good or bad arguments, and the bad ones say which argument", async () => {
  await setupTfjs();
  const opts = { learningRate: 1e-3, steps: 3 };
  const cases: [string, () => unknown, RegExp | null][] = [
    ["trainManualTf good", () => trainManualTf(w(), x, y, opts), null],
    ["trainManualTf NaN w3", () => trainManualTf({ ...w(), w3: withNaN(w().w3) }, x, y, opts), /trainManualTf: w3: expected finite values, got NaN/],
    ["trainManualTf 1e39 in x", () => trainManualTf(w(), Matrix.filled(8, 6, 1e39), y, opts), /trainManualTf: inputs x: expected values that fit float32/],
    ["trainManualTf bad y shape", () => trainManualTf(w(), x, rng.randn(8, 3), opts), /targets y \(8,3\) do not match the expected \(8,2\)/],
    ["trainManualTf null options", () => trainManualTf(w(), x, y, null as never), /trainManualTf: expected options to be an object, got null/],
    ["trainManualTf steps -1", () => trainManualTf(w(), x, y, { learningRate: 1e-3, steps: -1 }), /number of steps, got -1/],
    ["trainManualTf null weights", () => trainManualTf(null as never, x, y, opts), /trainManualTf: expected weights to be an object, got null/],
    ["TfAutogradNet NaN w2", () => new TfAutogradNet({ ...w(), w2: withNaN(w().w2) }), /TfAutogradNet: w2: expected finite values/],
    ["TfAutogradNet good", () => new TfAutogradNet(w()).dispose(), null],
    ["trainAutograd good", () => { const n = new TfAutogradNet(w()); try { trainAutograd(n, x, y, opts); } finally { n.dispose(); } }, null],
    ["trainAutograd NaN y", () => { const n = new TfAutogradNet(w()); try { trainAutograd(n, x, withNaN(y), opts); } finally { n.dispose(); } }, /trainAutograd: targets y: expected finite values/],
    ["trainAutograd lr NaN", () => { const n = new TfAutogradNet(w()); try { trainAutograd(n, x, y, { learningRate: NaN, steps: 1 }); } finally { n.dispose(); } }, /learning rate, got NaN/],
    ["tfManualLossAndGradients good", () => {
      const t = [matrixToTensor(x), matrixToTensor(y)];
      const ws = tf.tidy(() => { const v = w(); return { w1: matrixToTensor(v.w1), w2: matrixToTensor(v.w2), w3: matrixToTensor(v.w3) }; });
      try { tfManualLossAndGradients(t[0], t[1], ws); } finally { tf.dispose([...t, ws.w1, ws.w2, ws.w3]); }
    }, null],
    ["trainWithOptimizer null options", () => trainWithOptimizer(() => tf.scalar(0), [], null as never), /trainWithOptimizer: expected options to be an object, got null/],
    ["formulaStd bogus", () => formulaStd("bogus" as never, 3, 4), /formulaStd: expected init to be one of "heNormal".*got string "bogus"/],
  ];
  const model = denseStack({ sizes: [6, 5, 2], init: "heUniform", seed: 1 });
  const fitCases: [string, () => Promise<unknown>, RegExp | null][] = [
    ["fitWithProgress good", () => fitWithProgress(model, x, y, { optimizer: "sgd", learningRate: 1e-3, epochs: 2, batchSize: 4 }), null],
    ["fitWithProgress NaN y", () => fitWithProgress(model, x, withNaN(y), { optimizer: "sgd", learningRate: 1e-3, epochs: 2, batchSize: 4 }), /fitWithProgress: targets y: expected finite values/],
    ["fitWithProgress bad optimizer", () => fitWithProgress(model, x, y, { optimizer: "rmsprop" as never, learningRate: 1e-3, epochs: 2, batchSize: 4 }), /expected options.optimizer to be one of "sgd", "adam", got string "rmsprop"/],
    ["fitWithProgress wrong x width", () => fitWithProgress(model, rng.randn(8, 7), y, { optimizer: "sgd", learningRate: 1e-3, epochs: 2, batchSize: 4 }), /not aligned with a model mapping \(N,6\) to \(N,2\)/],
  ];
  for (const [name, f, expected] of [...cases, ...fitCases]) {
    const { leaked, error } = await leaksOf(f);
    assert.equal(leaked, 0, `${name} leaked ${leaked} tensors`);
    if (expected) assert.match(error?.message ?? "(no error)", expected, name);
    else assert.equal(error, null, `${name}: ${error?.message}`);
  }
  model.dispose();
});

test("fitWithProgress stops at the first non-finite epoch and names it", async () => {
  await setupTfjs();
  const model = denseStack({ sizes: [6, 5, 2], init: "heUniform", seed: 1 });
  const before = tf.memory().numTensors;
  const h = await fitWithProgress(model, x, Matrix.filled(8, 2, 1e30), { optimizer: "sgd", learningRate: 10, epochs: 20, batchSize: 4 });
  assert.equal(tf.memory().numTensors, before);
  assert.notEqual(h.divergedAtStep, null);
  assert.equal(h.epochs, h.divergedAtStep! + 1, "fitting stopped after the diverged epoch");
  assert.ok(h.epochs < 20);
  assert.match(h.divergence!.message, new RegExp(`^step ${h.divergedAtStep}: `));
  model.dispose();
});

test("trainManualTf names the weight that holds a NaN (planted via a finite float64 that is fine) and setupTfjs rejects through its Promise", async () => {
  await setupTfjs();
  const bad = setupTfjs({ prefer: "webgl" as never });
  assert.ok(bad instanceof Promise);
  await assert.rejects(bad, /setupTfjs: expected prefer to be "wasm" or "cpu", got "webgl"/);
  const r = trainManualTf(w(), x, Matrix.filled(8, 2, 1e19), { learningRate: 1, steps: 10 });
  assert.notEqual(r.history.divergedAtStep, null);
  assert.ok(r.history.divergence !== null);
});
