// Notebook 05's exercises: predict the per-layer factor of tfjs's default initializer under ReLU; write BatchNorm's
// forward pass; choose a scale for the residual branches that lets 64 blocks start tame. Reference solutions:
// solutions/05_beyond_xavier_and_he.ts.

import { Matrix, shapeString } from "../engine/matrix";
import { Rng } from "../engine/random";
import { TRUNCATED_STD_RATIO } from "../init/variance_scaling";
import { batchNormForward } from "../nn/batch_norm";
import { residualStreamGrowth } from "../experiments/nb05_residual";
import { BEYOND } from "../experiments/nb05_config";
import { correct, defineExercise, describe, isTodo, judgeMatrix, judgePrediction, notAnswered, runLearner, shapeProblem, tryAgain } from "./check";

// Glorot on a square layer is Var = 1/n; the truncated draw keeps TRUNCATED_STD_RATIO of the std; ReLU keeps ½ of the
// second moment. The std of the signal is multiplied per layer by √(n · Var(W) · ½).
const exactDefaultFactor = () => TRUNCATED_STD_RATIO * Math.SQRT1_2;

export const tfDefaultFactor = defineExercise("5.1", "tfjs's default, per ReLU layer", (answer: number) =>
  judgePrediction(answer, {
    what: "the factor by which each 128 → 128 ReLU layer of tf.layers.dense (default initializer, no bias) multiplies the activations' std",
    actual: exactDefaultFactor(),
    accept: [0.97, 1.03],
    positive: true,
    wrongs: [
      { low: 1.12, high: 1.16, hint: "that is plain Glorot under ReLU; tfjs draws from a normal cut at ±2σ and does not rescale, so each weight's std is only about 0.88 of the formula's." },
      { low: 1.39, high: 1.44, hint: "that is the truncation alone; ReLU still zeroes half of each unit's inputs, which keeps ½ of the second moment: a factor 1/√2 on the std." },
      { low: 1.58, high: 1.64, hint: "a factor 1 would need He's variance 2/fan_in and no truncation; the default is Glorot's 2/(fan_in + fan_out) = 1/128 here, and it is truncated." },
      { low: 1.97, high: 2.03, hint: "ReLU removes half of the second moment, so its √2 divides the std; it does not multiply it." },
      { low: 0.6, high: 0.64, hint: "that looks like a factor on the variance; the question asks for the std's factor, its square root." },
      { low: 0.79, high: 0.82, hint: "close: that is the variance's factor without the truncation. Take the square root, and include the 0.88 of the cut normal." },
    ],
    afterCorrect: "over 30 layers that factor is raised to the 29th power; run the next cell to see it",
  }),
);

/** The learner's BatchNorm forward pass with γ = 1, β = 0: h (N, D) → ĥ (N, D). */
export type BatchNormFunction = (h: Matrix) => Matrix;

const BN_ROWS = 16;
const BN_COLS = 6;
const CONSTANT_COLUMN = BN_COLS - 1;

/** A batch with different means and scales per column, and one column constant over the batch. */
function batchNormCase(seed: number): Matrix {
  const h = new Rng(seed).randn(BN_ROWS, BN_COLS);
  for (let i = 0; i < BN_ROWS; i++) {
    for (let j = 0; j < BN_COLS; j++) {
      const k = i * BN_COLS + j;
      h.data[k] = j === CONSTANT_COLUMN ? 2.5 : 3 * (j - 2) + (j + 1) * h.data[k];
    }
  }
  return h;
}

/** The same standardisation with one thing done differently: by column or row, centred or not, std or variance. */
function variant(h: Matrix, o: { byRow?: boolean; centre?: boolean; power?: number; divisor?: number }): Matrix {
  const { byRow = false, centre = true, power = 0.5, divisor = 0 } = o;
  const out = new Matrix(h.rows, h.cols);
  const groups = byRow ? h.rows : h.cols;
  const size = byRow ? h.cols : h.rows;
  const at = (g: number, m: number) => (byRow ? g * h.cols + m : m * h.cols + g);
  for (let g = 0; g < groups; g++) {
    let mu = 0;
    for (let m = 0; m < size; m++) mu += h.data[at(g, m)];
    mu /= size;
    let v = 0;
    for (let m = 0; m < size; m++) v += (h.data[at(g, m)] - mu) ** 2;
    const scale = (v / (divisor || size) + 1e-5) ** power;
    for (let m = 0; m < size; m++) out.data[at(g, m)] = (h.data[at(g, m)] - (centre ? mu : 0)) / scale;
  }
  return out;
}

export const batchNormForwardExercise = defineExercise("5.2", "BatchNorm's forward pass", (f: BatchNormFunction) => {
  if (isTodo(f)) return notAnswered("write a function (h: Matrix) => Matrix that standardises every column of h over the batch");
  if (typeof f !== "function") return tryAgain(`expected a function (h: Matrix) => Matrix; got ${describe(f)}`);
  const h = batchNormCase(51);
  const given = h.clone(); // the learner may overwrite their input; the reference uses the original
  const ran = runLearner("your batchNorm", () => f(given));
  if ("verdict" in ran) return ran.verdict;
  const out = ran.result as unknown;
  if (isTodo(out)) return notAnswered("your function still returns course.exercises.TODO");
  const shape = shapeProblem("your output", out, BN_ROWS, BN_COLS);
  if (shape) return shape;
  const answer = out as Matrix;
  const bad = answer.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0 && bad % BN_COLS === CONSTANT_COLUMN) {
    return tryAgain(`the output has NaN or Infinity in column ${CONSTANT_COLUMN + 1}, the unit that is constant over this batch`,
      "its variance is 0, so (h − μ)/σ is 0/0. BatchNorm divides by √(σ² + ε) with a small ε (1e-5) for exactly this case.");
  }
  const reference = batchNormForward(h, Matrix.filled(1, BN_COLS, 1), Matrix.zeros(1, BN_COLS)).out;
  return judgeMatrix("your normalised batch", answer, reference, [
    { value: variant(h, { byRow: true }), hint: "you standardised each row (one sample over its units); BatchNorm standardises each column: one unit over the batch." },
    { value: variant(h, { centre: false }), hint: "subtract each column's mean before dividing: the output should have mean 0 per unit." },
    { value: variant(h, { power: 1 }), hint: "divide by the standard deviation √(σ² + ε), not by the variance." },
    { value: variant(h, { divisor: BN_ROWS - 1 }), hint: "BatchNorm uses the batch's own variance, the mean of (h − μ)² over N rows, not the unbiased estimate over N − 1." },
  ], 1e-4); // loose enough for any small ε, tight enough to tell N from N − 1
});

/** What the learner hands in: the factor α for every branch's last matrix, and why. */
export interface BranchScaleChoice {
  alpha: number;
  why: string;
}

/** The stream may end within this factor of the input's std. */
export const STREAM_TOLERANCE = 3;

export const branchScaleChoice = defineExercise("5.3", "a branch scale for 64 residual blocks", (answer: BranchScaleChoice) => {
  if (isTodo(answer)) return notAnswered("choose { alpha, why } for the branches of section 4's residual net");
  if (typeof answer !== "object" || answer === null) return tryAgain(`expected { alpha: number, why: string }; got ${describe(answer)}`);
  const { alpha, why } = answer;
  if (isTodo(alpha)) return notAnswered("alpha is still course.exercises.TODO");
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) return tryAgain(`alpha should be a finite number; got ${describe(alpha)}`);
  if (alpha < 0) {
    return tryAgain(`alpha = ${alpha} is negative`, "the sign of the branch does not change how much variance it adds (that goes with α²); choose α ≥ 0 and think about its size.");
  }
  const blocks = BEYOND.residual.blocks;
  const growth = residualStreamGrowth(alpha);
  const shown = growth < 1e3 ? growth.toPrecision(3) : growth.toExponential(1);
  if (!(growth <= STREAM_TOLERANCE)) {
    const hint = alpha >= 0.5
      ? "each block adds a branch whose variance is about 2α² times the stream's (He's A and B each double it, the ReLU halves it), so the variance grows by (1 + 2α²) per block, compounded over every block."
      : `closer, but (1 + 2α²) per block is compounded ${blocks} times: for the std to grow at most ${STREAM_TOLERANCE}×, (1 + 2α²)^${blocks / 2} ≤ ${STREAM_TOLERANCE}.`;
    return tryAgain(`with α = ${alpha} the stream's std after ${blocks} blocks is ${shown}× the input's (allowed: ${STREAM_TOLERANCE}×)`, hint);
  }
  if (isTodo(why) || typeof why !== "string" || why.trim().length < 10) {
    return notAnswered("the scale keeps the stream tame; now say why in `why` (a sentence)");
  }
  const note = alpha === 0
    ? "that is Fixup's choice: every block starts as the identity, and training moves B away from zero (its gradient does not vanish)"
    : "any α of order 1/√blocks or smaller keeps the sum of all branches' variances of order the input's";
  return correct(`with α = ${alpha} the stream's std after ${blocks} blocks is ${shown}× the input's; ${note}`);
});
