import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../../lib/engine/random";
import { setupTfjs } from "../../lib/tfjs/setup";
import { denseStack } from "../../lib/tfjs/dense_stack";
import { getKernels } from "../../lib/tfjs/kernels";
import { fitWithProgress } from "../../lib/tfjs/fit";

test("model.fit reports a falling loss each epoch, is reproducible, and leaks no tensors", async () => {
  await setupTfjs();
  const rng = new Rng(51);
  const x = rng.randn(64, 20);
  const y = rng.randn(64, 3);
  const run = async () => {
    const model = denseStack({ sizes: [20, 32, 3], init: "heUniform", seed: 3 });
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const h = await fitWithProgress(model, x, y, {
      optimizer: "adam",
      learningRate: 1e-2,
      epochs: 15,
      batchSize: 16,
      onEpoch: (epoch) => {
        seen.push(epoch);
      },
    });
    assert.equal(tf.memory().numTensors, before, "fit must not leave tensors behind");
    assert.deepEqual(seen, Array.from({ length: 15 }, (_, i) => i));
    const kernels = getKernels(model);
    model.dispose();
    return { h, kernels };
  };
  const a = await run();
  assert.equal(a.h.epochs, 15);
  assert.ok(a.h.loss[14] < a.h.loss[0] / 2, `loss ${a.h.loss[0]} -> ${a.h.loss[14]}`);
  const b = await run();
  assert.deepEqual(b.h.loss, a.h.loss, "same seed, unshuffled batches: the same run");
  assert.deepEqual(b.kernels[0].data, a.kernels[0].data);
});

test("fitWithProgress rejects bad batch sizes, epochs and learning rates", async () => {
  await setupTfjs();
  const rng = new Rng(52);
  const x = rng.randn(8, 4);
  const y = rng.randn(8, 2);
  const model = denseStack({ sizes: [4, 2], init: "heNormal", seed: 1 });
  const opts = { optimizer: "sgd" as const, learningRate: 0.1, epochs: 1, batchSize: 4 };
  await assert.rejects(fitWithProgress(model, x, y, { ...opts, batchSize: 9 }), /integer batch size in \[1, 8\], got 9/);
  await assert.rejects(fitWithProgress(model, x, y, { ...opts, epochs: -1 }), /non-negative integer number of epochs, got -1/);
  await assert.rejects(fitWithProgress(model, x, y, { ...opts, learningRate: -0.1 }), /positive finite learning rate, got -0.1/);
  model.dispose();
});
