// Moving a layers model's kernels to and from the lib's float64 matrices: how a tfjs model is started from exactly the
// weights of a lib network, and how its trained weights come back for comparison.

import * as tf from "@tensorflow/tfjs";
import { Matrix, shapeString } from "../engine/matrix";
import { matrixToTensor, tensorToMatrix } from "./convert";
import { describeValue } from "../engine/checks";

/** Each dense layer's kernel as a float64 Matrix, first layer first. */
/** Throws unless model looks like a tfjs layers model (has a layers array). */
export function expectLayersModel(where: string, model: unknown): asserts model is tf.LayersModel {
  if (model === null || typeof model !== "object" || !Array.isArray((model as { layers?: unknown }).layers)) {
    throw new Error(`${where}: expected model to be a tf.LayersModel, got ${describeValue(model)}`);
  }
}

export function getKernels(model: tf.LayersModel): Matrix[] {
  expectLayersModel("getKernels", model);
  // getWeights hands out the layer's own variables, so read them without disposing.
  return model.layers.map((layer) => tensorToMatrix(layer.getWeights()[0], `getKernels: layer ${layer.name}`));
}

/** Overwrites each layer's kernel with the given Matrix (rounded to float32); shapes must match exactly. */
export function setKernels(model: tf.LayersModel, kernels: Matrix[]): void {
  expectLayersModel("setKernels", model);
  if (!Array.isArray(kernels) || !kernels.every((k) => k instanceof Matrix)) throw new Error(`setKernels: expected kernels to be an array of Matrix, got ${describeValue(kernels)}`);
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
