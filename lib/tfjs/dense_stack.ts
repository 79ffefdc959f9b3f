// Step 3: the network as a module. A tf.sequential of tf.layers.dense replaces our weight matrices and forward pass;
// no biases, like the tutorial. Hidden layers use ReLU, the last is linear.

import * as tf from "@tensorflow/tfjs";
import { TfInitName, kernelInitializer } from "./initializers";
import { checkOptions } from "../engine/checks";
import { expectLayersModel } from "./kernels";

export interface DenseStackOptions {
  /** Layer widths from input to output, e.g. [1000, 100, 100, 10] for the tutorial's net. */
  sizes: number[];
  init: TfInitName;
  /** Positive; layer l (from 0) is drawn with seed + l, so layers of the same shape still differ. */
  seed: number;
}

/** A tf.sequential of dense layers (no bias): ReLU between layers, linear output. */
export function denseStack(options: DenseStackOptions): tf.Sequential {
  checkOptions("denseStack", "options", options);
  const { sizes, init, seed } = options;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error(`denseStack: expected at least two positive integer layer sizes, got [${String(sizes)}]`);
  }
  const model = tf.sequential();
  for (let l = 1; l < sizes.length; l++) {
    model.add(
      tf.layers.dense({
        units: sizes[l],
        useBias: false,
        activation: l < sizes.length - 1 ? "relu" : "linear",
        kernelInitializer: kernelInitializer(init, seed + l - 1),
        ...(l === 1 ? { inputShape: [sizes[0]] } : {}),
      }),
    );
  }
  return model;
}

/** The trainable variables of a layers model, for tf.train optimizers. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  expectLayersModel("trainableVariables", model);
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}
