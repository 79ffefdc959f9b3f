// Minibatch stochastic gradient descent: each step takes the next batchSize rows of a shuffled pass over
// the data (reshuffled every epoch from the given Rng) and moves every weight by −learningRate · gradient.
// Like trainGradientDescent it returns what happened as data and prints nothing.

import { Matrix } from "../engine/matrix";
import { addScaledInPlace } from "../engine/elementwise";
import { Rng } from "../engine/random";
import { selectRows } from "../engine/select_rows";
import { LossAndGradients, Model } from "../nn/model";
import { OnStep, TrainHistory, checkTrainingArgs, checkTrainingCall, runTraining } from "./training_loop";

export interface MinibatchOptions {
  learningRate: number;
  steps: number;
  batchSize: number;
  /** Shuffles the rows; the same seed gives the same batches. */
  rng: Rng;
  onStep?: OnStep;
}

/** The same history as full-batch training; loss[t] and stalledFraction[t] are measured on step t's batch. */
export type MinibatchHistory = TrainHistory;

export function trainMinibatchSgd(model: Model, x: Matrix, y: Matrix, options: MinibatchOptions): MinibatchHistory {
  checkTrainingCall("trainMinibatchSgd", model, x, y, options);
  const { learningRate, steps, batchSize, rng } = options;
  checkTrainingArgs("trainMinibatchSgd", learningRate, steps, x, y);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > x.rows) {
    throw new Error(`trainMinibatchSgd: expected a batch size between 1 and the ${x.rows} rows of x, got ${batchSize}`);
  }
  if (!(rng instanceof Rng)) throw new Error(`trainMinibatchSgd: expected an Rng to shuffle with, got ${typeof rng}`);
  if (y.rows !== x.rows) throw new Error(`trainMinibatchSgd: x has ${x.rows} rows but y has ${y.rows}`);

  let order = rng.permutation(x.rows);
  let next = 0;
  const measure = (): LossAndGradients => {
    if (next + batchSize > order.length) {
      // A new epoch: the leftover rows (fewer than a batch) wait for the reshuffle.
      order = rng.permutation(x.rows);
      next = 0;
    }
    const batch = order.slice(next, next + batchSize);
    next += batchSize;
    return model.lossAndGradients(selectRows(x, batch), selectRows(y, batch));
  };
  const update = (grads: Matrix[]) => model.params.forEach((w, i) => addScaledInPlace(w, -learningRate, grads[i]));
  return runTraining(model, steps, measure, update, options.onStep);
}
