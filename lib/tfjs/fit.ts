// Step 5: tfjs's own training loop. model.compile picks the optimizer and loss, model.fit runs epochs of mini-batches
// and calls back after each epoch, which is where a notebook shows live progress.

import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../engine/matrix";
import { assertSteps } from "./check_args";
import { matrixToTensor } from "./convert";
import { TfOptimizerName, makeOptimizer } from "./optimizers";
import { assertLearningRate } from "./check_args";
import { expectMatrix, expectObject, expectOneOf } from "../engine/checks";
import { Divergence, lossDivergence } from "../train/divergence";
import { weightDivergence } from "./train_loop";

export interface FitOptions {
  optimizer: TfOptimizerName;
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** Called after each epoch with its mean training loss; may be async (e.g. to update a display). */
  onEpoch?: (epoch: number, loss: number) => void | Promise<void>;
}

export interface FitHistory {
  /** Mean squared error averaged over the epoch's mini-batches, one value per epoch. */
  loss: number[];
  /** Epochs run (the last one included when its loss was not finite). */
  epochs: number;
  /** The epoch whose mean loss was NaN or ±Infinity (or after which a weight was), where fitting stopped; else null. */
  divergedAtStep: number | null;
  /** What was non-finite first and where, the same record as the other loops; null when fitting never diverged. */
  divergence: Divergence | null;
}

/**
 * Compiles the model with a fresh optimizer and mean squared error, then fits it on (x, y). Batches are taken in order
 * (shuffle off): tfjs shuffles with Math.random, which would make runs unrepeatable.
 * The optimizer is disposed afterwards, so compile again before fitting the same model a second time.
 */
export async function fitWithProgress(model: tf.LayersModel, x: Matrix, y: Matrix, options: FitOptions): Promise<FitHistory> {
  // Everything is checked before the first tensor exists, so a bad call leaves nothing behind.
  if (!(model instanceof tf.LayersModel)) throw new Error(`fitWithProgress: expected model to be a tf.LayersModel, got ${model === null ? "null" : typeof model}`);
  expectMatrix("fitWithProgress", "inputs x", x);
  expectMatrix("fitWithProgress", "targets y", y);
  expectObject("fitWithProgress", "options", options);
  const { epochs, batchSize } = options;
  assertSteps("fitWithProgress", epochs, "epochs");
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > x.rows) {
    throw new Error(`fitWithProgress: expected an integer batch size in [1, ${x.rows}], got ${batchSize}`);
  }
  expectOneOf("fitWithProgress", "options.optimizer", options.optimizer, ["sgd", "adam"] as const);
  assertLearningRate("fitWithProgress", options.learningRate);
  if (options.onEpoch !== undefined && typeof options.onEpoch !== "function") {
    throw new Error(`fitWithProgress: expected onEpoch to be a function, got ${typeof options.onEpoch}`);
  }
  const inShape = model.inputs[0]?.shape, outShape = model.outputs[0]?.shape;
  if (inShape?.length !== 2 || inShape[1] !== x.cols || outShape?.length !== 2 || outShape[1] !== y.cols || x.rows !== y.rows) {
    throw new Error(`fitWithProgress: inputs x (${x.rows},${x.cols}) and targets y (${y.rows},${y.cols}) not aligned with a model mapping (N,${inShape?.[1]}) to (N,${outShape?.[1]})`);
  }
  const xt = matrixToTensor(x, "fitWithProgress: inputs x");
  let yt: tf.Tensor2D;
  try {
    yt = matrixToTensor(y, "fitWithProgress: targets y");
  } catch (e) {
    xt.dispose();
    throw e;
  }
  const optimizer = makeOptimizer(options.optimizer, options.learningRate);
  const weights = () => ({ names: model.trainableWeights.map((w) => w.name), tensors: model.trainableWeights.map((w) => w.read()) });
  try {
    model.compile({ optimizer, loss: "meanSquaredError" });
    const history: FitHistory = { loss: [], epochs: 0, divergedAtStep: null, divergence: null };
    await model.fit(xt, yt, {
      epochs,
      batchSize,
      shuffle: false,
      verbose: 0,
      callbacks: {
        onEpochEnd: async (epoch, logs) => {
          const loss = Number(logs?.loss);
          history.loss.push(loss);
          history.epochs = epoch + 1;
          const divergence = Number.isFinite(loss) ? weightDivergence(epoch, weights) : (weightDivergence(epoch, weights) ?? lossDivergence(epoch, loss));
          if (divergence) {
            history.divergedAtStep = epoch;
            history.divergence = divergence;
            model.stopTraining = true; // model.fit ends after this epoch
          }
          await options.onEpoch?.(epoch, loss);
        },
      },
    });
    return history;
  } finally {
    tf.dispose([xt, yt]);
    optimizer.dispose();
  }
}
