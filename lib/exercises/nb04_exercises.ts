// Notebook 04's exercises, with TensorFlow.js (exported from the tfjs entry only): a dense layer's backward with
// tf.matMul's transpose flags; the sum-of-squares loss for autograd; predict what tfjs's heNormal really draws; the
// SGD learning rate that makes a mean loss take the summed loss's steps. Reference solutions: solutions/04_tensorflow_js.ts.

import * as tf from "@tensorflow/tfjs";
import { Rng } from "../engine/random";
import { denseBackward as denseBackwardRef } from "../nn/dense";
import { sumOfSquaresLoss, sumOfSquaresLossBackward } from "../nn/sum_of_squares_loss";
import { matrixToTensor, tensorToMatrix } from "../tfjs/convert";
import { tidyData } from "../tfjs/tidy_data";
import { TRUNCATED_STD_RATIO } from "../init/variance_scaling";
import { Matrix } from "../engine/matrix";
import { Verdict, correct, defineExercise, describe, isTodo, judgeMatrix, judgePrediction, notAnswered, runLearner, shapeProblem, tryAgain } from "./check";

/** A tensor's values as a Matrix, or a verdict saying what came instead. */
function asMatrix(what: string, t: unknown, rows: number, cols: number): { verdict: Verdict } | { m: Matrix } {
  if (!(t instanceof tf.Tensor)) return { verdict: tryAgain(`${what} should be a tf.Tensor of shape (${rows},${cols}); got ${describe(t)}`) };
  if (t.rank !== 2) return { verdict: tryAgain(`${what} should be 2-D (${rows},${cols}); got shape [${t.shape.join(", ")}]`) };
  const m = tensorToMatrix(t);
  const bad = shapeProblem(what, m, rows, cols);
  return bad ? { verdict: bad } : { m };
}

export type TfDenseBackwardFn = (dout: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) => { dw: tf.Tensor; dx: tf.Tensor };

export const tfDenseBackward = defineExercise("4.2", "a dense layer's backward with tf.matMul", (fn: TfDenseBackwardFn) => {
  if (isTodo(fn)) return notAnswered("write a function (dout, x, w) => ({ dw, dx }) with tf ops, for out = x·w");
  if (typeof fn !== "function") return tryAgain(`expected a function (dout, x, w) => ({ dw, dx }); got ${describe(fn)}`);
  const rng = new Rng(401);
  const [dout, x, w] = [rng.randn(4, 3), rng.randn(4, 5), rng.randn(5, 3)]; // N 4, in 5, out 3
  const ref = denseBackwardRef(dout, x, w);
  return tidyData(() => {
    const run = runLearner("your function", () => fn(matrixToTensor(dout), matrixToTensor(x), matrixToTensor(w)));
    if ("verdict" in run) return run.verdict;
    const r = run.result as unknown;
    if (isTodo(r)) return notAnswered("your function still returns course.exercises.TODO");
    if (typeof r !== "object" || r === null || !("dw" in r) || !("dx" in r)) return tryAgain(`expected an object { dw, dx }; got ${describe(r)}`);
    const { dw, dx } = r as { dw: unknown; dx: unknown };
    if (isTodo(dw) || isTodo(dx)) return notAnswered("dw or dx is still course.exercises.TODO");
    const gw = asMatrix("dw", dw, 5, 3);
    if ("verdict" in gw) return gw.verdict;
    const gx = asMatrix("dx", dx, 4, 5);
    if ("verdict" in gx) return gx.verdict;
    const vw = judgeMatrix("dw", gw.m, ref.dw, [], 1e-5);
    if (vw.status !== "correct") return vw;
    const vx = judgeMatrix("dx", gx.m, ref.dx!, [], 1e-5);
    if (vx.status !== "correct") return vx;
    return correct("dw and dx match the engine's denseBackward to float32 precision");
  });
});

export type TfLossFn = (yPred: tf.Tensor2D, y: tf.Tensor2D) => tf.Scalar;

export const tfSumOfSquares = defineExercise("4.3", "the sum-of-squares loss for autograd", (fn: TfLossFn) => {
  if (isTodo(fn)) return notAnswered("write a function (yPred, y) => tf.Scalar, the loss Σ(ŷ − y)², with tf ops");
  if (typeof fn !== "function") return tryAgain(`expected a function (yPred, y) => tf.Scalar; got ${describe(fn)}`);
  const rng = new Rng(402);
  const [p, y] = [rng.randn(6, 4), rng.randn(6, 4)];
  return tidyData(() => {
    const yT = matrixToTensor(y);
    const first = runLearner("your loss", () => fn(matrixToTensor(p), yT) as unknown);
    if ("verdict" in first) return first.verdict;
    const value = first.result;
    if (isTodo(value)) return notAnswered("your loss still returns course.exercises.TODO");
    if (!(value instanceof tf.Tensor) || value.size !== 1) return tryAgain(`the loss should be a scalar tensor; got ${value instanceof tf.Tensor ? `shape [${value.shape.join(", ")}]` : describe(value)}`, "sum over every entry: tf.sum without an axis gives a scalar.");
    const run = runLearner("differentiating your loss", () => tf.valueAndGrad((q: tf.Tensor) => fn(q as tf.Tensor2D, yT) as tf.Scalar)(matrixToTensor(p)));
    if ("verdict" in run) return run.verdict;
    const got = value.dataSync()[0];
    const want = sumOfSquaresLoss(p, y);
    const grad = tensorToMatrix(run.result.grad);
    if (Math.abs(got - want) <= 1e-5 * want && judgeMatrix("gradient", grad, sumOfSquaresLossBackward(p, y), [], 1e-5).status === "correct") {
      return correct("its value and its autograd gradient 2(ŷ − y) match the engine's, to float32 precision");
    }
    const ratio = got / want;
    const hint = (h: string) => tryAgain("the loss has the wrong value", h);
    if (Math.abs(ratio * p.size - 1) < 1e-4) return hint("that is the mean; the course's loss sums over all N × 10 entries (tf.sum, not tf.mean or tf.losses.meanSquaredError).");
    if (Math.abs(ratio * 2 - 1) < 1e-4) return hint("half of it: ½Σ(ŷ − y)² is a common convention, but this course's loss has no ½.");
    if (Math.abs(got ** 2 - want) <= 1e-4 * want) return hint("that is the norm √Σ(ŷ − y)²; the loss is its square.");
    let sumAbs = 0, sumDiff = 0;
    for (let k = 0; k < p.size; k++) { sumAbs += Math.abs(p.data[k] - y.data[k]); sumDiff += p.data[k] - y.data[k]; }
    if (Math.abs(got - sumAbs) <= 1e-4 * sumAbs) return hint("that sums |ŷ − y|; square the differences instead (tf.squaredDifference).");
    if (Math.abs(got - sumDiff) <= 1e-4 * Math.abs(sumDiff) + 1e-6) return hint("the differences are summed without squaring, so positive and negative errors cancel.");
    return tryAgain(`the loss on a (6,4) case is ${ratio.toPrecision(3)} times the expected one`);
  });
});

export const tfHeNormalRatio = defineExercise("4.1", "what tfjs's heNormal really draws", (answer: number) =>
  judgePrediction(answer, {
    what: "the measured std of tfjs's heNormal kernel over He's formula std",
    actual: TRUNCATED_STD_RATIO, // tfjs truncates at ±2 std and does not rescale
    accept: [0.99, 1.01],
    positive: true,
    wrongs: [
      { low: 1.12, high: 1.16, hint: "nearly 1 is what the formula promises. tfjs draws its \"normal\" initializers from a normal truncated at ±2 std, redrawing values beyond, and does not rescale. What std does that leave?" },
      { low: 0.87, high: 0.89, hint: "that is the variance kept by truncation, or close to it; the question asks for the ratio of stds." },
      { low: 0.6, high: 0.8, hint: "truncation at ±2 std removes only the 4.6 % of values in the tails, but they carry a larger share of the variance. Integrate z² over [−2, 2] for the normal density, divide by its mass there, take the square root." },
    ],
    afterCorrect: "run the next cell and read the column measured / formula",
  }),
);

export const meanLossLearningRate = defineExercise("4.4", "a learning rate for a mean loss", (answer: number) =>
  judgePrediction(answer, {
    what: "the SGD learning rate on the mean squared error (full batch of 128, 10 outputs) that takes the same steps as lr 1e-4 on the summed loss",
    actual: 1e-4 * 128 * 10,
    accept: [0.999, 1.001],
    positive: true,
    wrongs: [
      { low: 1 / 1280 ** 2 / 1.01, high: 1.01 / 1280 ** 2, hint: "the wrong way round: the mean is 1280 times smaller than the sum, so is its gradient, and the learning rate must make up for it." },
      { low: 0.0999, high: 0.1001, hint: "the mean divides by every entry: the 128 samples and the 10 outputs." },
      { low: 0.0077, high: 0.0079, hint: "the mean divides by every entry: the 128 samples and the 10 outputs." },
      { low: 7.8e-4, high: 7.83e-4, hint: "the same learning rate takes steps 1280 times smaller on the mean loss." },
      { low: 0.4999, high: 0.5001, hint: "the factor 2 of the derivative is in both losses, so it cancels." },
      { low: 1.999, high: 2.001, hint: "the factor 2 of the derivative is in both losses, so it cancels." },
    ],
    afterCorrect: "Adam would not care: it divides each step by the gradient's own running size",
  }),
);
