import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { setupTfjs } from "../../lib/tfjs/setup";
import { denseStack } from "../../lib/tfjs/dense_stack";
import { getKernels, setKernels } from "../../lib/tfjs/kernels";
import { roundToFloat32 } from "../../lib/tfjs/convert";

test("setKernels then getKernels gives back the float32-rounded matrices, without leaking tensors", async () => {
  await setupTfjs();
  const model = denseStack({ sizes: [6, 5, 4], init: "heNormal", seed: 2 });
  const rng = new Rng(71);
  const w = [rng.randn(6, 5), rng.randn(5, 4)];
  const before = tf.memory().numTensors;
  setKernels(model, w);
  const back = getKernels(model);
  assert.equal(tf.memory().numTensors, before);
  back.forEach((k, i) => assert.deepEqual(k.data, roundToFloat32(w[i]).data));
  model.dispose();
});

test("setKernels rejects wrong counts, shapes and non-finite values", async () => {
  await setupTfjs();
  const model = denseStack({ sizes: [3, 2], init: "heNormal", seed: 1 });
  assert.throws(() => setKernels(model, [Matrix.zeros(2, 3)]), /layer 0 \(.*\) has a \(3,2\) kernel, got \(2,3\)/);
  assert.throws(() => setKernels(model, []), /the model has 1 layers, got 0 weight matrices/);
  assert.throws(() => setKernels(model, [Matrix.filled(3, 2, NaN)]), /expected finite values, got NaN at \[0,0\]/);
  model.dispose();
});
