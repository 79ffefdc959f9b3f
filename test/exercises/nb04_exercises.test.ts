// Every notebook-04 checker on its reference solution, on each listed wrong answer (its hint), and on the placeholder.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { setupTfjs } from "../../lib/tfjs/setup";
import { TODO } from "../../lib/exercises/check";
import * as ex from "../../lib/exercises/nb04_exercises";
import * as sol from "../../solutions/04_tensorflow_js";
import * as course from "../../lib/index_tfjs";
import { expectCorrect, expectHint, expectNotAnswered } from "./verdicts";

test("4.2 tf dense backward: the transpose flags pass; swapped flags, a transposed dw, a non-tensor are caught; nothing leaks", async () => {
  await setupTfjs();
  const before = tf.memory().numTensors;
  expectNotAnswered(ex.tfDenseBackward.evaluate(TODO));
  expectNotAnswered(ex.tfDenseBackward.evaluate(() => ({ dw: TODO, dx: TODO })));
  expectCorrect(ex.tfDenseBackward.evaluate(sol.tfDenseBackward));
  expectHint(ex.tfDenseBackward.evaluate((d, x, w) => ({ dw: tf.matMul(d, x, true, false), dx: tf.matMul(d, w, false, true) })), /transposed product/);
  const noFlag = ex.tfDenseBackward.evaluate((d, x, w) => ({ dw: tf.matMul(x, d, true, false), dx: tf.matMul(d, w) }));
  assert.equal(noFlag.status, "try again");
  assert.match(noFlag.message, /threw an error/);
  const doubled = ex.tfDenseBackward.evaluate((d, x, w) => ({ dw: tf.matMul(x, d, true, false), dx: tf.mul(2, tf.matMul(d, w, false, true)) }));
  assert.match(doubled.message, /dx has the right shape but the wrong values/);
  assert.match(ex.tfDenseBackward.evaluate((d, x) => ({ dw: [[1]], dx: x }) as never).message, /dw should be a tf.Tensor/);
  assert.equal(tf.memory().numTensors, before, "checking leaks no tensors");
});

test("4.3 tf loss: tf.sum of squared differences passes; a mean, a ½, a norm, |·|, no square get their hints", async () => {
  await setupTfjs();
  const before = tf.memory().numTensors;
  expectNotAnswered(ex.tfSumOfSquares.evaluate(TODO));
  expectNotAnswered(ex.tfSumOfSquares.evaluate(() => TODO));
  expectCorrect(ex.tfSumOfSquares.evaluate(sol.tfSumOfSquares));
  expectHint(ex.tfSumOfSquares.evaluate((p, y) => tf.losses.meanSquaredError(y, p) as tf.Scalar), /the mean/);
  expectHint(ex.tfSumOfSquares.evaluate((p, y) => tf.mul(0.5, tf.sum(tf.squaredDifference(p, y))) as tf.Scalar), /no ½/);
  expectHint(ex.tfSumOfSquares.evaluate((p, y) => tf.sqrt(tf.sum(tf.squaredDifference(p, y))) as tf.Scalar), /norm/);
  expectHint(ex.tfSumOfSquares.evaluate((p, y) => tf.sum(tf.abs(tf.sub(p, y)))), /\|ŷ − y\|/);
  expectHint(ex.tfSumOfSquares.evaluate((p, y) => tf.sum(tf.sub(p, y))), /without squaring/);
  expectHint(ex.tfSumOfSquares.evaluate((p, y) => tf.sum(tf.squaredDifference(p, y), 1) as never), /tf.sum without an axis/);
  assert.equal(tf.memory().numTensors, before, "checking leaks no tensors");
});

test("4.1 tfjs heNormal: the truncated-normal std passes; 1 and the kept variance get their hints", () => {
  expectNotAnswered(ex.tfHeNormalRatio.evaluate(TODO));
  expectCorrect(ex.tfHeNormalRatio.evaluate(sol.tfHeNormalRatio));
  expectHint(ex.tfHeNormalRatio.evaluate(1), /truncated at ±2 std/);
  expectHint(ex.tfHeNormalRatio.evaluate(sol.tfHeNormalRatio ** 2), /ratio of stds/);
});

test("4.4 learning rate for a mean loss: ×1280 passes; ÷1280, ×128, ×10, unchanged, a stray 2 get their hints", () => {
  expectNotAnswered(ex.meanLossLearningRate.evaluate(TODO));
  expectCorrect(ex.meanLossLearningRate.evaluate(sol.meanLossLearningRate));
  expectHint(ex.meanLossLearningRate.evaluate(1e-4 / 1280), /wrong way round/);
  expectHint(ex.meanLossLearningRate.evaluate(1e-4 * 128), /128 samples and the 10 outputs/);
  expectHint(ex.meanLossLearningRate.evaluate(1e-4 * 10), /128 samples and the 10 outputs/);
  expectHint(ex.meanLossLearningRate.evaluate(1e-4), /1280 times smaller/);
  expectHint(ex.meanLossLearningRate.evaluate(1e-4 * 1280 * 2), /cancels/);
});

test("the tfjs entry's course.exercises carries nb01–nb04 and the placeholder", () => {
  assert.equal(course.exercises.TODO, TODO);
  assert.equal(typeof course.exercises.nb01.initialLoss.check, "function");
  assert.equal(typeof course.exercises.nb04.tfDenseBackward.check, "function");
});
