// Notebook 02's exercises: predict the spread after ten tanh layers at W·0.01; write the dead-unit statistic; choose a
// weight std that keeps the 10 × 500 tanh net neither vanishing nor saturated. Reference solutions:
// solutions/02_vanishing_and_exploding.ts.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { fixedNormal } from "../init/variance_scaling";
import { deadUnitFraction } from "../nn/relu";
import { NetworkStatistics } from "../train/statistics";
import { probeStatistics } from "../experiments/nb02_init_probe";
import { NAIVE_INIT, deepSpec, deepStatistics } from "../experiments/nb02_naive_init";
import { Verdict, correct, defineExercise, describe, isTodo, judgePrediction, notAnswered, runLearner, tryAgain } from "./check";

let tanhSmallLayer10: number | null = null;

export const tanhStdAfterTen = defineExercise("2.1", "predict the spread after ten tanh layers", (answer: number) => {
  if (tanhSmallLayer10 === null && !isTodo(answer)) tanhSmallLayer10 = deepStatistics("tanhSmall").hidden[9].activationStd;
  return judgePrediction(answer, {
    what: "the std of the 10th hidden layer's activations (tanh 10×500, W·0.01)",
    actual: tanhSmallLayer10 ?? 1,
    accept: [0.5, 2],
    positive: true,
    wrongs: [
      { low: 3.5, high: 6.5, hint: "off by one layer: the input has std 1 and the first layer multiplies it too, so layer 10 has ten factors." },
      { low: 0.15, high: 0.35, hint: "off by one layer: count the factors from the input (std 1) to layer 10: ten, not eleven." },
      { low: 0.02, high: 0.05, hint: "tanh is not ReLU: near 0, tanh(h) ≈ h, so it keeps the spread; it does not halve the mean square." },
      { low: 1e-7, high: 1e-6, hint: "that looks like a variance: the variance per layer is multiplied by 0.01²·500, the std by the square root of that." },
      { low: 1e-15, high: 1e-13, hint: "each unit sums 500 weighted inputs: their variances add, so the spread gains a factor √500 per layer besides the 0.01." },
      { low: 1e12, high: 1e15, hint: "variances add, not spreads: the sum of 500 terms has √500 (not 500) times the std of one term." },
    ],
  });
});

export type DeadFractionFn = (activations: Matrix) => number;

/** A ReLU-like (rows, cols) activation matrix with the given columns dead and the given rows all zero. */
function activationCase(seed: number, rows: number, cols: number, deadCols: number[], zeroRows: number[]): Matrix {
  const a = new Rng(seed).randn(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      if (a.data[k] < 0 || deadCols.includes(j) || zeroRows.includes(i)) a.data[k] = 0;
    }
  }
  return a;
}

export const deadFraction = defineExercise("2.2", "the fraction of dead units", (fn: DeadFractionFn) => {
  if (isTodo(fn)) return notAnswered("write a function (activations) => the fraction of dead units, and pass it to check");
  if (typeof fn !== "function") return tryAgain(`expected a function (activations: Matrix) => number; got ${describe(fn)}`);
  const cases = [activationCase(201, 8, 10, [0, 4, 7], [2, 5]), activationCase(202, 6, 12, [], [1])];
  for (const a of cases) {
    const run = runLearner("your function", () => fn(a.clone()));
    if ("verdict" in run) return run.verdict;
    const got = run.result as unknown;
    if (isTodo(got)) return notAnswered("your function still returns course.exercises.TODO");
    if (typeof got !== "number" || !Number.isFinite(got)) return tryAgain(`expected a number between 0 and 1; got ${describe(got)}`);
    const want = deadUnitFraction(a);
    if (Math.abs(got - want) < 1e-12) continue;
    const v = diagnoseDead(a, got, want);
    if (v) return v;
    return tryAgain(`on a batch of ${a.rows} samples × ${a.cols} units your function returns a different fraction`);
  }
  return correct("right on two batches of different shapes, one with dead units and all-zero samples");
});

function diagnoseDead(a: Matrix, got: number, want: number): Verdict | null {
  const near = (v: number) => Math.abs(got - v) < 1e-12;
  let zeros = 0;
  for (const v of a.data) zeros += v === 0 ? 1 : 0;
  let zeroRows = 0;
  for (let i = 0; i < a.rows; i++) zeroRows += a.row(i).every((v) => v === 0) ? 1 : 0;
  const hint = (h: string) => tryAgain("not the fraction of dead units", h);
  if (got < 0 || got > 1) {
    return near(want * a.cols) ? hint("that is a count of dead units; the question asks for a fraction of the layer's units (0 to 1).")
      : tryAgain(`a fraction lies between 0 and 1; got ${got}`);
  }
  if (near(zeros / a.size)) return hint("that is the fraction of zero entries; a unit (a column) is dead only when it is zero for every sample (every row).");
  if (near(zeroRows / a.rows)) return hint("that counts rows: samples are rows, units are columns; a dead unit is a column of zeros.");
  if (near(1 - want)) return hint("that is the fraction of units still alive.");
  return null;
}

/** What the learner hands in: a weight std, and one sentence why. */
export interface ChosenStd {
  std: number;
  why: string;
}

const tanhProbeCache = new Map<number, NetworkStatistics>();

/** Statistics of the 10 × 500 tanh net of section 3 with every weight N(0, std²): the same draw as the notebook's. */
export function tanhNetAt(std: number): NetworkStatistics {
  let s = tanhProbeCache.get(std);
  if (!s) {
    s = probeStatistics({ ...deepSpec("tanhSmall"), init: fixedNormal(std) });
    tanhProbeCache.set(std, s);
  }
  return s;
}

export const tanhStdChoice = defineExercise("2.3", "choose a weight std for ten tanh layers", (answer: ChosenStd) => {
  if (isTodo(answer)) return notAnswered("choose { std, why } for the 10×500 tanh net");
  if (typeof answer !== "object" || answer === null) return tryAgain(`expected { std: number, why: string }; got ${describe(answer)}`);
  const { std, why } = answer;
  if (isTodo(std)) return notAnswered("std is still course.exercises.TODO");
  if (typeof std !== "number" || !Number.isFinite(std) || std <= 0) return tryAgain(`std should be a positive number; got ${describe(std)}`);
  if (std > 10) return tryAgain("a std above 10 drives every tanh unit into saturation", "start from the factor per layer, σ·√fan_in, and ask which σ makes it about 1.");
  const width = NAIVE_INIT.deepWidth;
  const s = tanhNetAt(std);
  const spread = s.hidden[9].activationStd;
  const worstSaturation = Math.max(...s.hidden.map((h) => h.stalledFraction));
  const gradientRatio = s.hidden[0].backpropGradientStd / s.hidden[9].backpropGradientStd;
  const measured = `with std ${std.toPrecision(3)}: layer 10's activations have std ${spread.toPrecision(2)}, at most ${(100 * worstSaturation).toFixed(0)} % of a layer saturated, layer 1's gradient is ${gradientRatio.toPrecision(2)} × layer 10's`;
  if (Math.abs(std - 1 / width) < 1e-9) {
    return tryAgain(measured, "that is 1/fan_in: the spread of a sum of fan_in terms grows like √fan_in, so divide by √fan_in.");
  }
  if (spread < 0.1 || gradientRatio < 0.1) {
    return tryAgain(`${measured}: the signal still vanishes`, "each layer multiplies the spread by about σ·√500 (tanh is nearly linear near 0): make that factor about 1.");
  }
  if (worstSaturation > 0.2 || gradientRatio > 10) {
    return tryAgain(`${measured}: too many units saturate`, "too large: beyond σ·√500 ≈ 1, h spreads into tanh's flat tails, where almost no gradient passes.");
  }
  if (isTodo(why) || typeof why !== "string" || why.trim().length < 10) {
    return notAnswered("the std works; now say why in `why` (a sentence): what does it do to the spread per layer?");
  }
  return correct(`${measured}: neither vanishing nor saturating. Notebook 03 derives this scale and names it.`);
});
