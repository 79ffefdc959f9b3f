// Argument checks shared by the tfjs training helpers, so bad input fails with a message naming what came.

import * as tf from "@tensorflow/tfjs";
import { assertTensorable, tensorShapeString } from "./convert";
import { Matrix, shapeString } from "../engine/matrix";
import { expectObject } from "../engine/checks";
import { ThreeLayerWeights } from "../nn/three_layer_net";

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

/** Three weight matrices that chain, (D_in,H1)·(H1,H2)·(H2,D_out), each finite in float32. Makes no tensor. */
export function assertThreeLayerWeights(where: string, weights: unknown): asserts weights is ThreeLayerWeights {
  expectObject(where, "weights", weights);
  const { w1, w2, w3 } = weights as Partial<ThreeLayerWeights>;
  assertTensorable(w1 as Matrix, `${where}: w1`);
  assertTensorable(w2 as Matrix, `${where}: w2`);
  assertTensorable(w3 as Matrix, `${where}: w3`);
  if (w1!.cols !== w2!.rows || w2!.cols !== w3!.rows) {
    throw new Error(`${where}: weight shapes do not chain: w1 ${w1}, w2 ${w2}, w3 ${w3} (expected w1.cols = w2.rows and w2.cols = w3.rows)`);
  }
}

/**
 * Everything a three-layer tfjs trainer takes, checked before its first tensor exists: x (N, inputDim) and y (N, outputDim)
 * finite in float32, an options object with a positive learning rate and a whole number of steps.
 */
export function assertTrainingCall(where: string, x: Matrix, y: Matrix, inputDim: number, outputDim: number, options: unknown): void {
  assertTensorable(x, `${where}: inputs x`);
  assertTensorable(y, `${where}: targets y`);
  if (x.cols !== inputDim) throw new Error(`${where}: inputs x ${shapeString(x)} not aligned with a network expecting (N,${inputDim})`);
  if (y.rows !== x.rows || y.cols !== outputDim) throw new Error(`${where}: targets y ${shapeString(y)} do not match the expected (${x.rows},${outputDim})`);
  expectObject(where, "options", options);
  const { learningRate, steps, onStep } = options as { learningRate?: unknown; steps?: unknown; onStep?: unknown };
  assertLearningRate(where, learningRate);
  assertSteps(where, steps);
  if (onStep !== undefined && typeof onStep !== "function") throw new Error(`${where}: expected onStep to be a function, got ${typeof onStep}`);
}
