// Moving a layers model's kernels to and from the lib's float64 matrices: how a tfjs model is started from exactly the
// weights of a lib network, and how its trained weights come back for comparison.

import * as tf from "@tensorflow/tfjs";
import { Matrix, shapeString } from "../engine/matrix";
import { matrixToTensor, tensorToMatrix } from "./convert";

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
