import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../../lib/engine/matrix";
import { setupTfjs } from "../../lib/tfjs/setup";
import { matrixToTensor, roundToFloat32, tensorToMatrix } from "../../lib/tfjs/convert";
import { sumOfSquaresTf, sumOfSquaresTfBackward } from "../../lib/tfjs/sum_of_squares_tf";
import { sumOfSquaresLoss } from "../../lib/nn/sum_of_squares_loss";

test("float64 -> float32 -> float64 rounds each value once to float32 and keeps the shape", async () => {
  await setupTfjs();
  const m = Matrix.from([[0.1, 1 / 3, -2], [1e-9, 12345.678, 0]]);
  const t = matrixToTensor(m);
  assert.deepEqual(t.shape, [2, 3]);
  assert.equal(t.dtype, "float32");
  const back = tensorToMatrix(t);
  assert.deepEqual(back.data, roundToFloat32(m).data);
  assert.equal(back.get(0, 0), Math.fround(0.1));
  assert.notEqual(back.get(0, 0), 0.1);
  t.dispose();
});

test("conversion errors name what was expected and what came", async () => {
  await setupTfjs();
  assert.throws(() => matrixToTensor(Matrix.from([[1, NaN]]), "weights w1"), /weights w1: expected finite values, got NaN at \[0,1\]/);
  assert.throws(() => matrixToTensor([[1, 2]] as never), /expected a Matrix, got object/);
  const v = tf.tensor1d([1, 2, 3]);
  assert.throws(() => tensorToMatrix(v), /expected a rank-2 tensor, got shape \[3\]/);
  v.dispose();
});

test("the tf sum-of-squares loss equals the lib's, and its backward is 2(ŷ − y)", async () => {
  await setupTfjs();
  const yPred = Matrix.from([[1, 2], [3, 4]]);
  const y = Matrix.from([[0.5, 2], [1, 5]]);
  const [a, b] = [matrixToTensor(yPred), matrixToTensor(y)];
  const loss = tf.tidy(() => sumOfSquaresTf(a, b).dataSync()[0]);
  assert.equal(loss, sumOfSquaresLoss(yPred, y)); // 0.25 + 0 + 4 + 1, exact in float32
  const grad = tf.tidy(() => Array.from(sumOfSquaresTfBackward(a, b).dataSync()));
  assert.deepEqual(grad, [1, 0, 4, -2]);
  const c = tf.zeros([2, 3]) as tf.Tensor2D;
  assert.throws(() => sumOfSquaresTf(a, c), /predictions \(2,2\) and targets \(2,3\) must have the same \(N,D\) shape/);
  tf.dispose([a, b, c]);
});
