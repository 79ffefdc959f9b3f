// Step 5: tfjs's own training loop. model.compile picks the optimizer and loss, model.fit runs epochs of mini-batches
// and calls back after each epoch, which is where a notebook shows live progress.

import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../engine/matrix";
import { assertSteps } from "./check_args";
import { matrixToTensor } from "./convert";
import { TfOptimizerName, makeOptimizer } from "./optimizers";

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
  epochs: number;
}

/**
 * Compiles the model with a fresh optimizer and mean squared error, then fits it on (x, y). Batches are taken in order
 * (shuffle off): tfjs shuffles with Math.random, which would make runs unrepeatable.
 * The optimizer is disposed afterwards, so compile again before fitting the same model a second time.
 */
export async function fitWithProgress(model: tf.LayersModel, x: Matrix, y: Matrix, options: FitOptions): Promise<FitHistory> {
  const { epochs, batchSize } = options;
  assertSteps("fitWithProgress", epochs, "epochs");
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > x?.rows) {
    throw new Error(`fitWithProgress: expected an integer batch size in [1, ${x?.rows}], got ${batchSize}`);
  }
  const optimizer = makeOptimizer(options.optimizer, options.learningRate);
  const xt = matrixToTensor(x, "fitWithProgress: inputs x");
  const yt = matrixToTensor(y, "fitWithProgress: targets y");
  try {
    model.compile({ optimizer, loss: "meanSquaredError" });
    const history: FitHistory = { loss: [], epochs: 0 };
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
