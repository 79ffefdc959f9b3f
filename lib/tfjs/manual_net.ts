// Step 1 of the rewrite: the tutorial's network with tf ops instead of Matrix functions, gradients still by hand.
// Same forward/backward pairs as lib/nn/three_layer_net.ts; only the arithmetic moved to tfjs (float32).

import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../engine/matrix";
import { ThreeLayerWeights } from "../nn/three_layer_net";
import { assertBatch, assertInput, assertThreeLayerWeights, assertTrainingCall } from "./check_args";
import { expectTensor, matrixToTensor, tensorToMatrix } from "./convert";
import { tidyData } from "./tidy_data";
import { sumOfSquaresTf, sumOfSquaresTfBackward } from "./sum_of_squares_tf";
import { TfTrainHistory, TfTrainOptions, runTrainingLoop } from "./train_loop";
import { checkOptions, describeValue } from "../engine/checks";

export interface TfThreeLayerWeights {
  w1: tf.Tensor2D; // (D_in, H1)
  w2: tf.Tensor2D; // (H1, H2)
  w3: tf.Tensor2D; // (H2, D_out)
}

export interface TfThreeLayerCache {
  x: tf.Tensor2D; //     (N, D_in)
  h1: tf.Tensor2D; //    (N, H1) before ReLU
  a1: tf.Tensor2D; //    (N, H1) after ReLU
  h2: tf.Tensor2D; //    (N, H2) before ReLU
  a2: tf.Tensor2D; //    (N, H2) after ReLU
  yPred: tf.Tensor2D; // (N, D_out)
}

// x (N, D_in) -> yPred (N, D_out), keeping what backward needs. Call inside tf.tidy: the cache is all new tensors.
/** Throws unless w holds tensors w1, w2, w3. */
function expectTfWeights(where: string, w: unknown): asserts w is TfThreeLayerWeights {
  const o = w as Partial<TfThreeLayerWeights> | null;
  if (o === null || typeof o !== "object") throw new Error(`${where}: expected w to be {w1, w2, w3} tensors, got ${describeValue(w)}`);
  for (const k of ["w1", "w2", "w3"] as const) expectTensor(where, `w.${k}`, o[k]);
}

export function tfThreeLayerForward(x: tf.Tensor2D, w: TfThreeLayerWeights): TfThreeLayerCache {
  expectTensor("tfThreeLayerForward", "x", x);
  expectTfWeights("tfThreeLayerForward", w);
  assertInput("tfThreeLayerForward", x, w.w1.shape[0]);
  const h1 = tf.matMul(x, w.w1) as tf.Tensor2D; //     (N, H1)
  const a1 = tf.relu(h1); //                           (N, H1)
  const h2 = tf.matMul(a1, w.w2) as tf.Tensor2D; //    (N, H2)
  const a2 = tf.relu(h2); //                           (N, H2)
  const yPred = tf.matMul(a2, w.w3) as tf.Tensor2D; // (N, D_out)
  return { x, h1, a1, h2, a2, yPred };
}

// cache, y (N, D_out) -> dw1 (D_in, H1), dw2 (H1, H2), dw3 (H2, D_out). Call inside tf.tidy.
export function tfThreeLayerBackward(cache: TfThreeLayerCache, y: tf.Tensor2D, w: TfThreeLayerWeights): TfThreeLayerWeights {
  checkOptions("tfThreeLayerBackward", "cache (from tfThreeLayerForward)", cache);
  expectTensor("tfThreeLayerBackward", "y", y);
  expectTfWeights("tfThreeLayerBackward", w);
  const { x, h1, a1, h2, a2, yPred } = cache;
  const dyPred = sumOfSquaresTfBackward(yPred, y); //      (N, D_out) = 2 (yPred − y)
  const dw3 = tf.matMul(a2, dyPred, true) as tf.Tensor2D; // (H2, D_out) = a2ᵀ·dyPred
  const da2 = tf.matMul(dyPred, w.w3, false, true); //       (N, H2)    = dyPred·w3ᵀ
  const dh2 = tf.mul(da2, tf.step(h2)); //                   (N, H2): zero where h2 ≤ 0 (tf.step(0) is 0)
  const dw2 = tf.matMul(a1, dh2, true) as tf.Tensor2D; //    (H1, H2)   = a1ᵀ·dh2
  const da1 = tf.matMul(dh2, w.w2, false, true); //          (N, H1)    = dh2·w2ᵀ
  const dh1 = tf.mul(da1, tf.step(h1)); //                   (N, H1): zero where h1 ≤ 0
  const dw1 = tf.matMul(x, dh1, true) as tf.Tensor2D; //     (D_in, H1) = xᵀ·dh1
  return { w1: dw1, w2: dw2, w3: dw3 };
}

/** Loss and hand-derived gradients, read back as float64 Matrices; every tensor made on the way is disposed. */
export function tfManualLossAndGradients(x: tf.Tensor2D, y: tf.Tensor2D, w: TfThreeLayerWeights): { loss: number; grads: Matrix[] } {
  expectTensor("tfManualLossAndGradients", "x", x);
  expectTensor("tfManualLossAndGradients", "y", y);
  expectTfWeights("tfManualLossAndGradients", w);
  return tidyData(() => {
    assertBatch("tfManualLossAndGradients", x, y, w.w1.shape[0], w.w3.shape[1]);
    const cache = tfThreeLayerForward(x, w);
    const loss = sumOfSquaresTf(cache.yPred, y).dataSync()[0];
    const g = tfThreeLayerBackward(cache, y, w);
    return { loss, grads: [tensorToMatrix(g.w1), tensorToMatrix(g.w2), tensorToMatrix(g.w3)] };
  });
}

export interface ManualTfResult {
  history: TfTrainHistory;
  /** The trained weights, back in float64 Matrices. */
  weights: ThreeLayerWeights;
}

/** Plain gradient descent with tf ops and hand-derived gradients, from the given lib weights (rounded to float32). */
export function trainManualTf(weights: ThreeLayerWeights, x: Matrix, y: Matrix, options: TfTrainOptions): ManualTfResult {
  assertThreeLayerWeights("trainManualTf", weights);
  assertTrainingCall("trainManualTf", x, y, weights.w1.rows, weights.w3.cols, options);
  const lr = tf.scalar(options.learningRate);
  const xt = matrixToTensor(x, "trainManualTf: inputs x");
  const yt = matrixToTensor(y, "trainManualTf: targets y");
  // Variables so the update can overwrite them in place, like numpy's `w -= lr * grad`. tf.variable copies its
  // initial value, so the tensors made by tf.tidy here are disposed and only the variables remain.
  const w = tf.tidy(() => ({
    w1: tf.variable(matrixToTensor(weights.w1, "trainManualTf: w1")),
    w2: tf.variable(matrixToTensor(weights.w2, "trainManualTf: w2")),
    w3: tf.variable(matrixToTensor(weights.w3, "trainManualTf: w3")),
  }));
  try {
    assertBatch("trainManualTf", xt, yt, w.w1.shape[0], w.w3.shape[1]);
    const history = runTrainingLoop("trainManualTf", options.steps, () =>
      tidyData(() => {
        const cache = tfThreeLayerForward(xt, w as TfThreeLayerWeights);
        const loss = sumOfSquaresTf(cache.yPred, yt).dataSync()[0];
        if (Number.isFinite(loss)) {
          const g = tfThreeLayerBackward(cache, yt, w as TfThreeLayerWeights);
          w.w1.assign(tf.sub(w.w1, tf.mul(lr, g.w1)));
          w.w2.assign(tf.sub(w.w2, tf.mul(lr, g.w2)));
          w.w3.assign(tf.sub(w.w3, tf.mul(lr, g.w3)));
        }
        return loss;
      }),
      options.onStep,
      () => ({ names: ["w1", "w2", "w3"], tensors: [w.w1, w.w2, w.w3] }),
    );
    return { history, weights: { w1: tensorToMatrix(w.w1), w2: tensorToMatrix(w.w2), w3: tensorToMatrix(w.w3) } };
  } finally {
    tf.dispose([lr, xt, yt, w.w1, w.w2, w.w3]);
  }
}
