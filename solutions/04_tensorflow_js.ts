// Reference solutions to notebook 04's exercises (issue 16). Spoilers: the notebooks never import this file.

import * as tf from "@tensorflow/tfjs";

// 4.1 out = x·w: dw = xᵀ·dout, dx = dout·wᵀ, with tf.matMul's transpose flags (no transposed copies).
export function tfDenseBackward(dout: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  return { dw: tf.matMul(x, dout, true, false), dx: tf.matMul(dout, w, false, true) };
}

// 4.2 Σ(ŷ − y)² over every entry; autograd then derives 2(ŷ − y).
export function tfSumOfSquares(yPred: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  return tf.sum(tf.squaredDifference(yPred, y));
}

// 4.3 A standard normal truncated to [−2, 2]: Var = 1 − 2·2·φ(2)/(2Φ(2) − 1), std ≈ 0.8796.
const phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
const mass = 0.9544997361036416; // P(|z| < 2) = 2Φ(2) − 1
export const tfHeNormalRatio = Math.sqrt(1 - (4 * phi2) / mass);

// 4.4 The mean over 128 × 10 entries is 1280 times smaller than the sum, and so is its gradient.
export const meanLossLearningRate = 1e-4 * 128 * 10;
