import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { setupTfjs } from "../../lib/tfjs/setup";
import { ThreeLayerModule, threeLayerModuleModel } from "../../lib/tfjs/three_layer_module";
import { denseStack } from "../../lib/tfjs/dense_stack";
import { getKernels } from "../../lib/tfjs/kernels";
import { matrixToTensor } from "../../lib/tfjs/convert";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";
import { tutorialProblem } from "./tutorial_problem";

const ARGS = { inputDim: 1000, hidden1: 100, hidden2: 100, outputDim: 10, init: "heNormal" as const, seed: 9 };

test("the custom Layer draws the same weights as a dense stack with the same seeds and computes the same network", async () => {
  await setupTfjs();
  const module = threeLayerModuleModel(ARGS);
  const stack = denseStack({ sizes: [1000, 100, 100, 10], init: "heNormal", seed: 9 });
  const weights = getKernels(stack);
  const moduleWeights = module.layers[0].getWeights();
  assert.deepEqual(moduleWeights.map((w) => w.shape), [[1000, 100], [100, 100], [100, 10]]);
  moduleWeights.forEach((w, i) => assert.deepEqual(Float64Array.from(w.dataSync()), weights[i].data));
  assert.equal(module.trainableWeights.length, 3);

  // Its forward pass is the lib net's, up to float32 rounding.
  const p = tutorialProblem(31);
  const x = matrixToTensor(p.x);
  const out = tf.tidy(() => (module.predict(x) as tf.Tensor).dataSync());
  const ref = new ThreeLayerNet({ w1: weights[0], w2: weights[1], w3: weights[2] }).forward(p.x).yPred;
  let diff = 0;
  let scale = 0;
  ref.data.forEach((v, k) => {
    diff = Math.max(diff, Math.abs(v - out[k]));
    scale = Math.max(scale, Math.abs(v));
  });
  assert.ok(diff / scale < 1e-5, `scaled max error ${diff / scale}`);
  assert.deepEqual(module.layers[0].getConfig().hidden1, 100);
  tf.dispose(x);
  module.dispose();
  stack.dispose();
});

test("the custom Layer rejects bad sizes and wrong inputs", async () => {
  await setupTfjs();
  assert.throws(() => new ThreeLayerModule({ ...ARGS, hidden1: 0 }), /expected hidden1 to be a positive integer, got 0/);
  assert.throws(() => new ThreeLayerModule({ ...ARGS, init: "zeros" as never }), /expected one of heNormal/);
  const module = threeLayerModuleModel({ ...ARGS, inputDim: 4, hidden1: 3, hidden2: 3, outputDim: 2 });
  assert.throws(() => tf.tidy(() => module.predict(tf.zeros([2, 5])) as tf.Tensor), /expected.*shape.*\[null,4\].*\[2,5\]/i);
  module.dispose();
});
