import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../../lib/engine/random";
import { setupTfjs } from "../../lib/tfjs/setup";
import { denseStack } from "../../lib/tfjs/dense_stack";
import { matrixToTensor } from "../../lib/tfjs/convert";
import { deepInitExperiment, layerOutputStd } from "../../lib/tfjs/deep_init";
import { TfInitName } from "../../lib/tfjs/initializers";

// The notebook's claim about the signal through 30 ReLU layers of width 128, over 5 seeds (forward passes only: fast).
test("through 30 ReLU layers: heUniform keeps the std, glorot and tfjs's (truncated) heNormal let it fade", async () => {
  await setupTfjs();
  const sizes = [128, ...Array.from({ length: 30 }, () => 128), 10];
  const ratio = (init: TfInitName, seed: number): number => {
    const model = denseStack({ sizes, init, seed: seed * 1000 });
    const x = matrixToTensor(new Rng(seed).randn(32, 128));
    const std = layerOutputStd(model, x);
    tf.dispose(x);
    model.dispose();
    return std[29] / std[0];
  };
  for (const seed of [0, 1, 2, 3, 4]) {
    const he = ratio("heUniform", seed);
    assert.ok(he > 1 / 3 && he < 3, `seed ${seed}: heUniform layer 30 / layer 1 = ${he}`);
    const glorot = ratio("glorotUniform", seed);
    assert.ok(glorot < 1e-3, `seed ${seed}: glorotUniform layer 30 / layer 1 = ${glorot}`);
    // 0.8796 per layer for 29 layers is 0.024; far below He's 1, far above Glorot's.
    const heNormal = ratio("heNormal", seed);
    assert.ok(heNormal > 1e-3 && heNormal < 0.1, `seed ${seed}: heNormal layer 30 / layer 1 = ${heNormal}`);
  }
});

// The training claim, on one seed and 40 steps instead of the notebook's 300 to keep the suite fast. He's loss falls
// fastest at the start (probe, 5 seeds: 2.9–7.5x after 25 steps, 3.7–9.3x after 100), so 40 steps are enough to tell.
test("trained with SGD, the He-initialised deep stack learns while the Glorot one does not move", async () => {
  await setupTfjs();
  const before = tf.memory().numTensors;
  const [he, glorot] = deepInitExperiment({ seed: 1, steps: 40, inits: ["heUniform", "glorotUniform"] });
  assert.equal(tf.memory().numTensors, before);
  assert.ok(he.lossRatio > 2, `heUniform: loss fell ${he.lossRatio}x`);
  assert.ok(Math.abs(glorot.lossRatio - 1) < 0.01, `glorotUniform: loss changed by a factor ${glorot.lossRatio}`);
  assert.equal(he.loss.length, 40);
});

test("deepInitExperiment rejects bad sizes and learning rates", () => {
  assert.throws(() => deepInitExperiment({ depth: 0 }), /expected depth to be a positive integer, got 0/);
  assert.throws(() => deepInitExperiment({ learningRate: 0 }), /positive finite learning rate, got 0/);
});
