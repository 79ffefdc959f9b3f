// Moving weights and data between the course's float64 Matrix and tfjs's float32 tensors.
// Going to tfjs rounds every value to the nearest float32; coming back is exact (every float32 is a float64).

import * as tf from "@tensorflow/tfjs";
import { Matrix, assertFinite } from "../engine/matrix";
import { describeValue, expectMatrix, firstNonFinite } from "../engine/checks";

/** A (rows, cols) float32 tensor holding m's values rounded to float32. The caller owns (and disposes) it. */
export function matrixToTensor(m: Matrix, what = "matrixToTensor: input"): tf.Tensor2D {
  return tf.tensor2d(float32Values(m, what), [m.rows, m.cols], "float32");
}

/**
 * Throws unless m is a Matrix whose values stay finite in float32; makes no tensor. Helpers call it on every argument
 * before creating their first tensor, so a bad call leaves nothing behind.
 */
export function assertTensorable(m: Matrix, what: string): void {
  float32Values(m, what);
}

function float32Values(m: Matrix, what: string): Float32Array {
  if (!(m instanceof Matrix)) {
    throw new Error(`${what}: expected a Matrix, got ${m === null ? "null" : typeof m}`);
  }
  assertFinite(what, m);
  const values = Float32Array.from(m.data);
  // Checked again after rounding: a finite float64 beyond ±3.4e38 becomes ±Infinity in float32.
  const k = firstNonFinite(values);
  if (k >= 0) {
    throw new Error(`${what}: expected values that fit float32 (|v| ≤ 3.4e38), got ${m.data[k]} at [${Math.floor(k / m.cols)},${k % m.cols}] of a (${m.rows},${m.cols}) matrix`);
  }
  return values;
}

/** A float64 Matrix with a rank-2 tensor's values. Reads the tensor; does not dispose it. */
export function tensorToMatrix(t: tf.Tensor, what = "tensorToMatrix: input"): Matrix {
  if (!(t instanceof tf.Tensor)) throw new Error(`${what}: expected a tf.Tensor, got ${t === null ? "null" : typeof t}`);
  if (t.rank !== 2) throw new Error(`${what}: expected a rank-2 tensor, got shape [${t.shape.join(",")}]`);
  const [rows, cols] = t.shape as [number, number];
  return new Matrix(rows, cols, Float64Array.from(t.dataSync()));
}

/** m with every value rounded to float32, still as a float64 Matrix: the exact weights tfjs will hold. */
export function roundToFloat32(m: Matrix): Matrix {
  expectMatrix("roundToFloat32", "m", m);
  return new Matrix(m.rows, m.cols, Float64Array.from(Float32Array.from(m.data)));
}

/** Throws unless t is a tf.Tensor, naming where and which argument. */
export function expectTensor(where: string, name: string, t: unknown): asserts t is tf.Tensor {
  if (!(t instanceof tf.Tensor)) throw new Error(`${where}: expected ${name} to be a tf.Tensor, got ${describeValue(t)}`);
}

/** numpy-like shape text for tensors: "(128,1000)". */
export function tensorShapeString(t: tf.Tensor): string {
  expectTensor("tensorShapeString", "t", t);
  return `(${t.shape.join(",")})`;
}
