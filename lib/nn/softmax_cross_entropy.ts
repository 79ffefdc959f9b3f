// Softmax cross-entropy for classification, averaged over the batch:
//   p = softmax(z) row by row,   loss = −(1/N) Σ_i Σ_c y_ic · log p_ic.
// Targets are one-hot rows (N, C), the same shape as the logits, so this fits the Loss interface; any rows of
// probabilities (non-negative, summing to 1) are accepted too. Make them from class indices with oneHot().
// Stability: the row maximum is subtracted before exp (softmax does not change), and log p is taken as
// (z − max) − log Σ exp(z − max), never as log of a probability that may have underflowed to 0.

import { Matrix, assertFinite, assertSameShape, shapeString } from "../engine/matrix";
import { Loss } from "./loss";

// z is (N, C)  ->  p is (N, C), each row positive and summing to 1
export function softmax(z: Matrix): Matrix {
  assertFinite("softmax: logits", z);
  const p = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    const r = i * z.cols;
    let max = -Infinity;
    for (let j = 0; j < z.cols; j++) max = Math.max(max, z.data[r + j]);
    let sum = 0;
    for (let j = 0; j < z.cols; j++) {
      const e = Math.exp(z.data[r + j] - max);
      p.data[r + j] = e;
      sum += e;
    }
    for (let j = 0; j < z.cols; j++) p.data[r + j] /= sum;
  }
  return p;
}

// z (logits) and y (targets) are (N, C)  ->  loss is a scalar
// Non-finite logits mean the network has diverged: the loss is then NaN, so a training loop stops and reports the step.
export function softmaxCrossEntropy(z: Matrix, y: Matrix): number {
  assertSameShape("softmaxCrossEntropy", z, y);
  checkTargets("softmaxCrossEntropy", y);
  if (!z.data.every(Number.isFinite)) return NaN;
  let total = 0;
  for (let i = 0; i < z.rows; i++) {
    const r = i * z.cols;
    let max = -Infinity;
    for (let j = 0; j < z.cols; j++) max = Math.max(max, z.data[r + j]);
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.data[r + j] - max);
    const logSum = Math.log(sum);
    for (let j = 0; j < z.cols; j++) {
      const t = y.data[r + j];
      if (t !== 0) total -= t * (z.data[r + j] - max - logSum);
    }
  }
  return total / z.rows;
}

// -> dz is (N, C) = ∂loss/∂z = (softmax(z) − y) / N
export function softmaxCrossEntropyBackward(z: Matrix, y: Matrix): Matrix {
  assertSameShape("softmaxCrossEntropyBackward", z, y);
  checkTargets("softmaxCrossEntropyBackward", y);
  if (!z.data.every(Number.isFinite)) return Matrix.filled(z.rows, z.cols, NaN); // diverged: no usable gradient
  const dz = softmax(z);
  for (let k = 0; k < dz.data.length; k++) dz.data[k] = (dz.data[k] - y.data[k]) / z.rows;
  return dz;
}

export const softmaxCrossEntropyLoss: Loss = {
  name: "softmax cross-entropy",
  forward: softmaxCrossEntropy,
  backward: softmaxCrossEntropyBackward,
};

/** Class indices 0..classes−1 as one-hot rows, (N, classes). */
export function oneHot(labels: ArrayLike<number>, classes: number): Matrix {
  if (!Number.isInteger(classes) || classes < 2) throw new Error(`oneHot: expected at least 2 classes, got ${classes}`);
  const out = new Matrix(labels.length, classes);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new Error(`oneHot: expected class indices in 0..${classes - 1}, got ${c} at position ${i}`);
    }
    out.data[i * classes + c] = 1;
  }
  return out;
}

function checkTargets(what: string, y: Matrix): void {
  for (let i = 0; i < y.rows; i++) {
    let sum = 0;
    for (let j = 0; j < y.cols; j++) {
      const t = y.data[i * y.cols + j];
      if (!(t >= 0 && t <= 1)) {
        throw new Error(`${what}: expected targets in [0, 1] (one-hot rows), got ${t} at [${i},${j}] of ${shapeString(y)}`);
      }
      sum += t;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new Error(`${what}: expected each target row to sum to 1 (one-hot), got row ${i} summing to ${sum}`);
    }
  }
}
