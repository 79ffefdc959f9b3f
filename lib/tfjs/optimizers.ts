// Step 4: the update rule becomes an object. tf.train.sgd does what our loop did by hand; tf.train.adam keeps
// running averages of each gradient and its square, and scales each weight's step by them.

import * as tf from "@tensorflow/tfjs";
import { assertLearningRate, assertSteps } from "./check_args";
import { tidyData } from "./tidy_data";
import { TfTrainHistory, TfTrainOptions, runTrainingLoop } from "./train_loop";

export type TfOptimizerName = "sgd" | "adam";

/** A new tfjs optimizer. Dispose it after training: Adam keeps two moment tensors per weight. */
export function makeOptimizer(name: TfOptimizerName, learningRate: number): tf.Optimizer {
  assertLearningRate(`makeOptimizer("${name}")`, learningRate);
  if (name === "sgd") return tf.train.sgd(learningRate);
  if (name === "adam") return tf.train.adam(learningRate);
  throw new Error(`makeOptimizer: expected "sgd" or "adam", got ${JSON.stringify(name)}`);
}

export interface OptimizerTrainOptions extends TfTrainOptions {
  optimizer: TfOptimizerName;
}

/**
 * Minimises lossFn over `variables` for `steps` steps with a fresh optimizer, disposed at the end.
 * lossFn builds the loss from the current variables; each step runs inside tf.tidy.
 */
export function trainWithOptimizer(lossFn: () => tf.Scalar, variables: tf.Variable[], options: OptimizerTrainOptions): TfTrainHistory {
  if (typeof lossFn !== "function") throw new Error(`trainWithOptimizer: expected lossFn to be a function, got ${lossFn === null ? "null" : typeof lossFn}`);
  if (options === null || typeof options !== "object") throw new Error(`trainWithOptimizer: expected options to be an object, got ${options === null ? "null" : typeof options}`);
  assertSteps("trainWithOptimizer", options.steps);
  if (!Array.isArray(variables) || variables.length === 0 || !variables.every((v) => v instanceof tf.Variable)) {
    throw new Error("trainWithOptimizer: expected a non-empty array of tf.Variable to train");
  }
  const tensorsBefore = tf.memory().numTensors;
  const optimizer = makeOptimizer(options.optimizer, options.learningRate);
  let history: TfTrainHistory;
  try {
    history = runTrainingLoop(
      `trainWithOptimizer(${options.optimizer})`,
      options.steps,
      () =>
        tidyData(() => {
          // minimize returns the loss before the update when asked to (returnCost = true).
          const cost = optimizer.minimize(lossFn, true, variables);
          return cost!.dataSync()[0];
        }),
      options.onStep,
      () => ({ names: variables.map((v) => v.name), tensors: variables }),
    );
  } finally {
    optimizer.dispose();
  }
  // Counted after dispose: Adam's moment estimates are the optimizer's own tensors, not a leak.
  return { ...history, tensorsLeaked: tf.memory().numTensors - tensorsBefore };
}
