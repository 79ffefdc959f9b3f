// Step 3: the network as a module. A tf.sequential of tf.layers.dense replaces our weight matrices and forward pass;
// no biases, like the tutorial. Hidden layers use ReLU, the last is linear.

import * as tf from "@tensorflow/tfjs";
import { Matrix, shapeString } from "../engine/matrix";
import { matrixToTensor, tensorToMatrix } from "./convert";
import { TfInitName, kernelInitializer } from "./initializers";

export interface DenseStackOptions {
  /** Layer widths from input to output, e.g. [1000, 100, 100, 10] for the tutorial's net. */
  sizes: number[];
  init: TfInitName;
  /** Layer l's kernel is drawn with seed + l, so layers of the same shape still differ. */
  seed: number;
}

/** A tf.sequential of dense layers (no bias): ReLU between layers, linear output. */
export function denseStack(options: DenseStackOptions): tf.Sequential {
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

/** Each dense layer's kernel as a float64 Matrix, first layer first. */
export function getKernels(model: tf.LayersModel): Matrix[] {
  // getWeights hands out the layer's own variables, so read them without disposing.
  return model.layers.map((layer) => tensorToMatrix(layer.getWeights()[0], `getKernels: layer ${layer.name}`));
}

/** Overwrites each layer's kernel with the given Matrix (rounded to float32); shapes must match exactly. */
export function setKernels(model: tf.LayersModel, kernels: Matrix[]): void {
  if (kernels.length !== model.layers.length) {
    throw new Error(`setKernels: the model has ${model.layers.length} layers, got ${kernels.length} weight matrices`);
  }
  model.layers.forEach((layer, l) => {
    const [rows, cols] = layer.getWeights()[0].shape;
    const k = kernels[l];
    if (!(k instanceof Matrix) || k.rows !== rows || k.cols !== cols) {
      const got = k instanceof Matrix ? shapeString(k) : String(k);
      throw new Error(`setKernels: layer ${l} (${layer.name}) has a (${rows},${cols}) kernel, got ${got}`);
    }
    const t = matrixToTensor(k, `setKernels: layer ${l}`);
    layer.setWeights([t]); // copies the values into the layer's variable
    t.dispose();
  });
}

/** The trainable variables of a layers model, for tf.train optimizers. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}
