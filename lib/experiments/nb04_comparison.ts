// The side-by-side of notebook 04: the same network, the same starting weights, the same data, the same number of
// plain gradient-descent steps, written four ways. Each row: the loss it ends at, its time per step, its code lines.

import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../engine/matrix";
import { ThreeLayerNet, ThreeLayerWeights } from "../nn/three_layer_net";
import { trainGradientDescent } from "../train/gradient_descent";
import { TfAutogradNet, trainAutograd } from "../tfjs/autograd_net";
import { matrixToTensor, roundToFloat32 } from "../tfjs/convert";
import { denseStack, trainableVariables } from "../tfjs/dense_stack";
import { setKernels } from "../tfjs/kernels";
import { linesOfCode } from "./nb04_lines_of_code";
import { trainManualTf } from "../tfjs/manual_net";
import { trainWithOptimizer } from "../tfjs/optimizers";
import { sumOfSquaresTf } from "../tfjs/sum_of_squares_tf";
import { tidyData } from "../tfjs/tidy_data";
import { checkOptions } from "../engine/checks";

export type VariantName = "lib engine, hand-written backprop" | "tfjs ops, hand-written backprop" | "tfjs autograd" | "tfjs layers + optimizer";

/** The source files (under lib/) that define each version's network, loss, gradients and update. */
export const VARIANT_FILES: Record<VariantName, string[]> = {
  // The Matrix/matmul engine underneath is not counted, just as tfjs's own code is not.
  "lib engine, hand-written backprop": ["nn/three_layer_net.ts", "nn/dense.ts", "nn/relu.ts", "nn/sum_of_squares_loss.ts", "train/gradient_descent.ts", "train/training_loop.ts"],
  "tfjs ops, hand-written backprop": ["tfjs/manual_net.ts", "tfjs/sum_of_squares_tf.ts", "tfjs/train_loop.ts"],
  "tfjs autograd": ["tfjs/autograd_net.ts", "tfjs/sum_of_squares_tf.ts", "tfjs/train_loop.ts"],
  "tfjs layers + optimizer": ["tfjs/dense_stack.ts", "tfjs/optimizers.ts", "tfjs/sum_of_squares_tf.ts", "tfjs/train_loop.ts"],
};

export interface VariantResult {
  variant: VariantName;
  /** Loss before each step, then the loss after the last one. */
  loss: number[];
  finalLoss: number;
  msPerStep: number;
  linesOfCode: number;
}

export interface ComparisonOptions {
  weights: ThreeLayerWeights;
  x: Matrix;
  y: Matrix;
  learningRate: number;
  steps: number;
}

/**
 * Trains each version from the same weights, rounded to float32 first so that every version starts from identical
 * numbers; differences that remain come from float32 vs float64 arithmetic. Nothing is modified in place.
 */
export function compareImplementations(options: ComparisonOptions): VariantResult[] {
  checkOptions("compareImplementations", "options", options);
  const { x, y, learningRate, steps } = options;
  const start: ThreeLayerWeights = {
    w1: roundToFloat32(options.weights.w1),
    w2: roundToFloat32(options.weights.w2),
    w3: roundToFloat32(options.weights.w3),
  };
  const row = (variant: VariantName, loss: number[], finalLoss: number, msPerStep: number): VariantResult => ({
    variant,
    loss: [...loss, finalLoss],
    finalLoss,
    msPerStep,
    linesOfCode: linesOfCode(VARIANT_FILES[variant]).total,
  });

  // 1. The lib engine, float64.
  const libNet = new ThreeLayerNet({ w1: start.w1.clone(), w2: start.w2.clone(), w3: start.w3.clone() });
  const t0 = performance.now();
  const libHistory = trainGradientDescent(libNet, x, y, { learningRate, steps });
  const libMs = (performance.now() - t0) / Math.max(1, libHistory.loss.length);
  const results = [row("lib engine, hand-written backprop", libHistory.loss, libNet.loss(x, y), libMs)];

  // 2. tf ops, our own backward.
  const manual = trainManualTf(start, x, y, { learningRate, steps });
  results.push(row("tfjs ops, hand-written backprop", manual.history.loss, new ThreeLayerNet(manual.weights).loss(x, y), manual.history.msPerStep));

  const xt = matrixToTensor(x, "compareImplementations: inputs x");
  const yt = matrixToTensor(y, "compareImplementations: targets y");
  try {
    // 3. tf.variable weights, tf.variableGrads for the backward.
    const net = new TfAutogradNet(start);
    try {
      const h = trainAutograd(net, x, y, { learningRate, steps });
      results.push(row("tfjs autograd", h.loss, finalLossOf(() => net.loss(xt, yt)), h.msPerStep));
    } finally {
      net.dispose();
    }

    // 4. tf.sequential of dense layers, tf.train.sgd for the update.
    const model = denseStack({ sizes: [start.w1.rows, start.w1.cols, start.w2.cols, start.w3.cols], init: "heNormal", seed: 1 });
    try {
      setKernels(model, [start.w1, start.w2, start.w3]);
      const lossFn = () => sumOfSquaresTf(model.apply(xt) as tf.Tensor2D, yt);
      const h = trainWithOptimizer(lossFn, trainableVariables(model), { optimizer: "sgd", learningRate, steps });
      results.push(row("tfjs layers + optimizer", h.loss, finalLossOf(lossFn), h.msPerStep));
    } finally {
      model.dispose();
    }
  } finally {
    tf.dispose([xt, yt]);
  }
  return results;
}

/** The loss after the last step; inside tidy, because lossFn makes intermediate tensors (the predictions) too. */
function finalLossOf(lossFn: () => tf.Scalar): number {
  return tidyData(() => lossFn().dataSync()[0]);
}
