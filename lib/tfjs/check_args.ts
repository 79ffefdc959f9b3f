// Argument checks shared by the tfjs training helpers, so bad input fails with a message naming what came.

import * as tf from "@tensorflow/tfjs";
import { tensorShapeString } from "./convert";

export function assertLearningRate(where: string, learningRate: unknown): asserts learningRate is number {
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new Error(`${where}: expected a positive finite learning rate, got ${String(learningRate)}`);
  }
}

export function assertSteps(where: string, steps: unknown, name = "steps"): asserts steps is number {
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0) {
    throw new Error(`${where}: expected a non-negative integer number of ${name}, got ${String(steps)}`);
  }
}

/** x must be (N, inputDim). */
export function assertInput(where: string, x: tf.Tensor, inputDim: number): void {
  if (!(x instanceof tf.Tensor)) throw new Error(`${where}: expected inputs x to be a tf.Tensor, got ${x === null ? "null" : typeof x}`);
  if (x.rank !== 2 || x.shape[1] !== inputDim) {
    throw new Error(`${where}: inputs x ${tensorShapeString(x)} not aligned with a network expecting (N,${inputDim})`);
  }
}

/** x must be (N, inputDim) and y (N, outputDim): numpy-style "not aligned" messages otherwise. */
export function assertBatch(where: string, x: tf.Tensor, y: tf.Tensor, inputDim: number, outputDim: number): void {
  assertInput(where, x, inputDim);
  if (!(y instanceof tf.Tensor)) throw new Error(`${where}: expected targets y to be a tf.Tensor, got ${y === null ? "null" : typeof y}`);
  if (y.rank !== 2 || y.shape[0] !== x.shape[0] || y.shape[1] !== outputDim) {
    throw new Error(`${where}: targets y ${tensorShapeString(y)} do not match the expected (${x.shape[0]},${outputDim})`);
  }
}
