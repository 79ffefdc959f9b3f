// Notebook 03's deep-network result, with tfjs layers: 30 ReLU layers of width 128 under He and under Glorot (Xavier)
// init, trained on random regression targets with mean squared loss and plain SGD. He's loss falls; Xavier's signal
// has shrunk to almost nothing by the top layer, so its loss barely moves.

import * as tf from "@tensorflow/tfjs";
import { Rng } from "../engine/random";
import { assertLearningRate, assertSteps } from "../tfjs/check_args";
import { matrixToTensor } from "../tfjs/convert";
import { denseStack, trainableVariables } from "../tfjs/dense_stack";
import { TfInitName } from "../tfjs/initializers";
import { trainWithOptimizer } from "../tfjs/optimizers";
import { tidyData } from "../tfjs/tidy_data";
import { XAVIER_HE } from "./nb03_xavier_he";
import { checkOptions } from "../engine/checks";
import { expectLayersModel } from "../tfjs/kernels";

export interface DeepInitOptions {
  /** ReLU layers; a linear output layer follows them. */
  depth: number;
  width: number;
  outputDim: number;
  batchSize: number;
  steps: number;
  learningRate: number;
  /** Seeds the data (through lib's Rng) and each model's initializer (with seed·1000 + 1 onwards). */
  seed: number;
  inits: TfInitName[];
}

/** Notebook 03's deep net (XAVIER_HE.deep), here in tfjs layers. */
export const DEEP_INIT_DEFAULTS: DeepInitOptions = {
  depth: XAVIER_HE.deep.hiddenLayers,
  width: XAVIER_HE.deep.width,
  outputDim: XAVIER_HE.deep.outputs,
  batchSize: XAVIER_HE.deep.batchSize,
  steps: XAVIER_HE.deep.steps,
  learningRate: XAVIER_HE.deep.learningRate,
  seed: 0,
  inits: ["heUniform", "heNormal", "glorotUniform"],
};

export interface DeepInitRun {
  init: TfInitName;
  /** Std of each ReLU layer's output at initialisation, layer 1 first. */
  activationStd: number[];
  /** Mean squared loss before each step. */
  loss: number[];
  /** loss[0] / loss[last]: how many times the loss fell. */
  lossRatio: number;
  msPerStep: number;
}

/** Trains one fresh deep ReLU stack per initializer on the same seeded data and reports what happened. */
export function deepInitExperiment(overrides: Partial<DeepInitOptions> = {}): DeepInitRun[] {
  checkOptions("deepInitExperiment", "overrides", overrides);
  const o = { ...DEEP_INIT_DEFAULTS, ...overrides };
  for (const key of ["depth", "width", "outputDim", "batchSize"] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new Error(`deepInitExperiment: expected ${key} to be a positive integer, got ${o[key]}`);
  }
  assertSteps("deepInitExperiment", o.steps);
  assertLearningRate("deepInitExperiment", o.learningRate);
  const rng = new Rng(o.seed);
  const x = matrixToTensor(rng.randn(o.batchSize, o.width));
  const y = matrixToTensor(rng.randn(o.batchSize, o.outputDim));
  try {
    return o.inits.map((init) => {
      const sizes = [o.width, ...Array.from({ length: o.depth }, () => o.width), o.outputDim];
      const model = denseStack({ sizes, init, seed: o.seed * 1000 + 1 });
      try {
        const activationStd = layerOutputStd(model, x).slice(0, o.depth);
        const history = trainWithOptimizer(
          () => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor2D) as tf.Scalar,
          trainableVariables(model),
          { optimizer: "sgd", learningRate: o.learningRate, steps: o.steps },
        );
        const last = history.loss[history.loss.length - 1];
        return { init, activationStd, loss: history.loss, lossRatio: history.loss[0] / last, msPerStep: history.msPerStep };
      } finally {
        model.dispose();
      }
    });
  } finally {
    tf.dispose([x, y]);
  }
}

/** The std of every layer's output for input x, first layer first (the last entry is the linear output). */
export function layerOutputStd(model: tf.LayersModel, x: tf.Tensor2D): number[] {
  expectLayersModel("layerOutputStd", model);
  return tidyData(() => {
    const stds: number[] = [];
    let h: tf.Tensor = x;
    for (const layer of model.layers) {
      h = layer.apply(h) as tf.Tensor;
      stds.push(Math.sqrt(tf.moments(h).variance.dataSync()[0]));
    }
    return stds;
  });
}
