// Notebook 01's exercises: predict the initial loss; write the loss gradient, ReLU's backward and the dense layer's
// backward; catch a planted bug with the gradient check. Each checker judges on its own seeded case and never prints
// the expected value. Reference solutions: solutions/01_three_layer_network.ts.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { map, mul, scale, sub } from "../engine/elementwise";
import { denseBackward as denseBackwardRef } from "../nn/dense";
import { reluBackward as reluBackwardRef } from "../nn/relu";
import { sumOfSquaresLoss, sumOfSquaresLossBackward } from "../nn/sum_of_squares_loss";
import { ParamCheck } from "../train/gradient_check";
import { tutorialProblem } from "../experiments/nb01_tutorial_runs";
import { PLANTED_BUG_PARAM } from "./nb01_planted_bug";
import {
  correct, defineExercise, describe, isTodo, judgeMatrix, judgePrediction, notAnswered, runLearner, shapeProblem, tryAgain,
} from "./check";

export { plantedBugProblem, PlantedBugNet } from "./nb01_planted_bug";

let seedZeroLoss: number | null = null;
/** The loss of seed 0's untrained network, computed once (the value the prediction is judged against). */
function initialLossOfSeedZero(): number {
  if (seedZeroLoss === null) {
    const { x, y, net } = tutorialProblem(0);
    seedZeroLoss = sumOfSquaresLoss(net.forward(x).yPred, y);
  }
  return seedZeroLoss;
}

export const initialLoss = defineExercise("1.1", "predict the initial loss", (answer: number) =>
  judgePrediction(answer, {
    what: "the initial loss Σ(ŷ − y)² of seed 0's untrained network",
    actual: initialLossOfSeedZero(),
    accept: [0.55, 1.5],
    positive: true,
    wrongs: [
      { low: 1.5, high: 2.3, hint: "about twice too large: ReLU zeroes half of its inputs, so it halves the mean square at each of the two hidden layers; did you halve only once?" },
      { low: 2.7, high: 4.5, hint: "about four times too large: each ReLU halves the mean square E[a²] = ½ Var(h). Both hidden layers have a ReLU." },
      { low: 0.3, high: 0.55, hint: "too small by about 2: only the two hidden layers have a ReLU; the output layer ŷ = a₂·W₃ is linear and halves nothing." },
      { low: 0.05, high: 0.14, hint: "about 10 times too small: the loss sums over all 10 outputs of every sample, not one." },
      { low: 4e-3, high: 1.2e-2, hint: "about 100 times too small: the loss sums over all 128 samples of the batch." },
      { low: 3e-4, high: 1.5e-3, hint: "that is the size of one squared output, not the loss: the loss is a sum over 128 × 10 outputs, not a mean." },
      { low: 5e-6, high: 4e-5, hint: "that looks like a standard deviation (a square root); the loss is a sum of squares." },
      { low: 1e-7, high: 1e-6, hint: "that is about Σy², the loss of predicting exactly 0. At the start the network's outputs are far from 0: each layer multiplies the signal's size by about √(fan_in / 2)." },
    ],
  }),
);

/** A fresh (rows, cols) pair of random matrices for a checker, from its own seed. */
function caseMatrices(seed: number, shapes: [number, number][]): Matrix[] {
  const rng = new Rng(seed);
  return shapes.map(([r, c]) => rng.randn(r, c));
}

export type LossGradientFn = (yPred: Matrix, y: Matrix) => Matrix;

export const lossGradient = defineExercise("1.2", "the output gradient ∂L/∂ŷ", (fn: LossGradientFn) => {
  if (isTodo(fn)) return notAnswered("write a function (yPred, y) => ∂L/∂ŷ and pass it to check");
  if (typeof fn !== "function") return tryAgain(`expected a function (yPred, y) => Matrix; got ${describe(fn)}`);
  const [yPred, y] = caseMatrices(101, [[6, 4], [6, 4]]);
  const run = runLearner("your function", () => fn(yPred.clone(), y.clone()));
  if ("verdict" in run) return run.verdict;
  if (isTodo(run.result)) return notAnswered("your function still returns course.exercises.TODO");
  const bad = shapeProblem("∂L/∂ŷ", run.result, 6, 4);
  if (bad) return bad;
  const d = sub(yPred, y);
  return judgeMatrix("∂L/∂ŷ", run.result, sumOfSquaresLossBackward(yPred, y), [
    { value: d, hint: "missing factor 2: the derivative of (ŷ − y)² is 2(ŷ − y). (The original tutorial drops it too.)" },
    { value: scale(d, -2), hint: "the sign is flipped: L grows when ŷ moves away from y, so ∂L/∂ŷ is positive where ŷ > y." },
    { value: scale(d, -1), hint: "the sign is flipped, and a factor is missing: differentiate (ŷ − y)² with respect to ŷ." },
    { value: scale(d, 2 / 6), hint: "divided by the batch size: this loss is a sum over samples, not a mean, so nothing is divided." },
    { value: scale(d, 2 / 24), hint: "divided by the number of entries: this loss is a sum, not a mean, so nothing is divided." },
    { value: mul(d, d), hint: "that is each entry's squared error (the loss before summing), not its derivative." },
  ]);
});

export type ReluBackwardFn = (dout: Matrix, h: Matrix) => Matrix;

export const reluBackward = defineExercise("1.3", "ReLU's backward step", (fn: ReluBackwardFn) => {
  if (isTodo(fn)) return notAnswered("write a function (dout, h) => ∂L/∂h, where dout = ∂L/∂a and a = max(h, 0)");
  if (typeof fn !== "function") return tryAgain(`expected a function (dout, h) => Matrix; got ${describe(fn)}`);
  const [dout, h] = caseMatrices(102, [[5, 7], [5, 7]]);
  const run = runLearner("your function", () => fn(dout.clone(), h.clone()));
  if ("verdict" in run) return run.verdict;
  if (isTodo(run.result)) return notAnswered("your function still returns course.exercises.TODO");
  const bad = shapeProblem("∂L/∂h", run.result, 5, 7);
  if (bad) return bad;
  const mask = map(h, (v) => (v > 0 ? 1 : 0)); // [h > 0], what a learner forgets to multiply by dout
  const inverted = map(mask, (m) => 1 - m);
  return judgeMatrix("∂L/∂h", run.result, reluBackwardRef(dout, h), [
    { value: dout, hint: "no mask: ReLU passes the gradient only where the unit was active (h > 0) and blocks it elsewhere." },
    { value: mask, hint: "that is the mask [h > 0] alone; the chain rule multiplies it by the incoming gradient dout." },
    { value: reluBackwardRef(dout, dout), hint: "masked by the sign of dout; the mask comes from the forward input h." },
    { value: mul(dout, inverted), hint: "the mask is inverted: the gradient passes where h > 0, not where h ≤ 0." },
    { value: mul(dout, h), hint: "multiplied by h: the derivative of max(h, 0) is 1 or 0, not h." },
  ]);
});

export type DenseBackwardFn = (dout: Matrix, x: Matrix, w: Matrix) => { dw: Matrix; dx: Matrix };

export const denseBackward = defineExercise("1.4", "the dense layer's backward step", (fn: DenseBackwardFn) => {
  if (isTodo(fn)) return notAnswered("write a function (dout, x, w) => ({ dw, dx }) for out = x·w");
  if (typeof fn !== "function") return tryAgain(`expected a function (dout, x, w) => ({ dw, dx }); got ${describe(fn)}`);
  const [dout, x, w] = caseMatrices(103, [[4, 3], [4, 5], [5, 3]]); // N 4, in 5, out 3: every shape differs
  const run = runLearner("your function", () => fn(dout.clone(), x.clone(), w.clone()));
  if ("verdict" in run) return run.verdict;
  const r = run.result as unknown;
  if (isTodo(r)) return notAnswered("your function still returns course.exercises.TODO");
  if (typeof r !== "object" || r === null || !("dw" in r) || !("dx" in r)) {
    return tryAgain(`expected an object { dw, dx }; got ${describe(r)}`);
  }
  const { dw, dx } = r as { dw: unknown; dx: unknown };
  if (isTodo(dw) || isTodo(dx)) return notAnswered("dw or dx is still course.exercises.TODO");
  const ref = denseBackwardRef(dout, x, w);
  const bad = shapeProblem("dw", dw, 5, 3) ?? shapeProblem("dx", dx, 4, 5);
  if (bad) return bad;
  const dwVerdict = judgeMatrix("dw", dw as Matrix, ref.dw, [
    { value: scale(ref.dw, 1 / 4), hint: "divided by the batch size: the loss sums over samples, so the gradient sums too (xᵀ·dout does the sum)." },
  ]);
  if (dwVerdict.status !== "correct") return dwVerdict;
  const dxVerdict = judgeMatrix("dx", dx as Matrix, ref.dx!, []);
  if (dxVerdict.status !== "correct") return dxVerdict;
  return correct("dw and dx both match the reference on a case where batch, input and output sizes all differ");
});

/** What the learner hands in: the gradient check's report on the buggy net, and the weight they blame. */
export interface GradientCheckAnswer {
  report: ParamCheck[];
  broken: string;
}

export const catchPlantedBug = defineExercise("1.5", "catch the planted bug", (answer: GradientCheckAnswer) => {
  if (isTodo(answer)) return notAnswered("run course.gradientCheck on the buggy net and name the broken weight");
  if (typeof answer !== "object" || answer === null) return tryAgain(`expected { report, broken }; got ${describe(answer)}`);
  const { report, broken } = answer;
  if (isTodo(report)) return notAnswered("report is still course.exercises.TODO: pass what course.gradientCheck returns");
  const names = Array.isArray(report) ? report.map((r) => r?.name) : [];
  if (!Array.isArray(report) || names.join() !== "w1,w2,w3" || report.some((r) => typeof r.maxRelativeError !== "number")) {
    return tryAgain(`report should be what course.gradientCheck(buggy.net, buggy.x, buggy.y) returns: one entry per weight w1, w2, w3; got ${describe(report)}`);
  }
  const blamed = report.filter((r) => r.maxRelativeError > 1e-3).map((r) => r.name);
  if (blamed.length === 0) {
    return tryAgain("your report shows no large error", "check the buggy net (buggy.net), with its own gradients: do not pass analyticGrads.");
  }
  if (isTodo(broken)) return notAnswered("broken is still course.exercises.TODO: name the weight whose gradient is wrong");
  if (typeof broken !== "string" || !["w1", "w2", "w3"].includes(broken)) {
    return tryAgain(`broken should be one of "w1", "w2", "w3"; got ${describe(broken)}`);
  }
  if (broken !== PLANTED_BUG_PARAM) {
    return tryAgain(`${broken} is not the one`, "read maxRelativeError per weight: about 1e-7 or below is right; 1e-2 or more is a bug.");
  }
  return correct("the check flags that weight's gradient and clears the others; the planted bug uses the wrong layer's ReLU mask");
});
