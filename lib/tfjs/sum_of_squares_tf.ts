// The tutorial's loss with tf ops, as a forward/backward pair (the backward is only used by the manual-gradient net;
// autograd derives it by itself).

import * as tf from "@tensorflow/tfjs";
import { expectTensor, tensorShapeString } from "./convert";

function assertSameShape(op: string, yPred: tf.Tensor, y: tf.Tensor): void {
  expectTensor(op, "yPred", yPred);
  expectTensor(op, "y", y);
  if (yPred.rank !== 2 || y.rank !== 2 || yPred.shape[0] !== y.shape[0] || yPred.shape[1] !== y.shape[1]) {
    throw new Error(`${op}: predictions ${tensorShapeString(yPred)} and targets ${tensorShapeString(y)} must have the same (N,D) shape`);
  }
}

// yPred, y (N, D) -> scalar Σ (yPred − y)²
export function sumOfSquaresTf(yPred: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  assertSameShape("sumOfSquaresTf", yPred, y);
  return tf.tidy(() => tf.sum(tf.squaredDifference(yPred, y)));
}

// -> dyPred (N, D) = 2 (yPred − y), the derivative of Σ (yPred − y)²
export function sumOfSquaresTfBackward(yPred: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  assertSameShape("sumOfSquaresTfBackward", yPred, y);
  return tf.tidy(() => tf.mul(tf.scalar(2), tf.sub(yPred, y)));
}
