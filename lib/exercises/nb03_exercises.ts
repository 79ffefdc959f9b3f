// Notebook 03's exercises: predict He's std for a leaky ReLU of slope 0.1; write He's normal initializer from its
// variance; choose a weight std that trains the 30-layer ReLU net of section 3. Reference solutions:
// solutions/03_xavier_and_he.ts.

import { Matrix, shapeString } from "../engine/matrix";
import { Rng } from "../engine/random";
import { mean, sumOfSquares } from "../engine/reductions";
import { Initializer } from "../init/initializer";
import { fixedNormal } from "../init/variance_scaling";
import { meanSquared } from "../nn/mean_squared_loss";
import { trainGradientDescent } from "../train/gradient_descent";
import { layerStatistics } from "../train/statistics";
import { deepSizes, probeProblem } from "../experiments/nb02_init_probe";
import { XAVIER_HE } from "../experiments/nb03_xavier_he";
import { correct, defineExercise, describe, isTodo, judgePrediction, notAnswered, runLearner, tryAgain } from "./check";

/** Slope 0.1, fan_in 500: the exact value the prediction is judged against. */
const exactLeakyHeStd = () => Math.sqrt(2 / ((1 + 0.1 ** 2) * 500));

export const leakyHeStd = defineExercise("3.1", "He's std for a leaky ReLU", (answer: number) =>
  judgePrediction(answer, {
    what: "the weight std for a 500 → 250 layer followed by a leaky ReLU of slope 0.1",
    actual: exactLeakyHeStd(),
    accept: [0.998, 1.002],
    positive: true,
    wrongs: [
      { low: 1.003, high: 1.007, hint: "very close: that is He's std for a plain ReLU. A leaky ReLU of slope a keeps (1 + a²)/2 of the second moment, not ½." },
      { low: 1.008, high: 1.012, hint: "the negative side adds a² of its second moment: the factor is (1 + a²), not (1 − a²)." },
      { low: 0.95, high: 0.965, hint: "the slope enters squared: the negative half is multiplied by a, so its second moment by a²." },
      { low: 1.4, high: 1.43, hint: "fan_in vs fan_out: the forward signal sums over the 500 inputs of each unit." },
      { low: 1.14, high: 1.17, hint: "that averages fan_in and fan_out, as Xavier does; He keeps the forward signal, which depends on fan_in only." },
      { low: 0.7, high: 0.715, hint: "forgetting ReLU's ½: the activation keeps only about half of the second moment, so Var(W) needs the 2 back (divided by 1 + a²)." },
      { low: 0.05, high: 0.08, hint: "that looks like a variance; the question asks for the std, its square root." },
    ],
    afterCorrect: "the one-in-a-hundred difference from plain He is real but far below what one draw of ten layers can show",
  }),
);

export const heNormalInit = defineExercise("3.2", "He's normal initializer from its variance", (init: Initializer) => {
  if (isTodo(init)) return notAnswered("write an initializer (fanIn, fanOut, rng) => Matrix drawing He's normal weights");
  if (typeof init !== "function") return tryAgain(`expected a function (fanIn, fanOut, rng) => Matrix; got ${describe(init)}`);
  const fanIn = 400, fanOut = 100;
  const draw = (seed: number) => runLearner("your initializer", () => init(fanIn, fanOut, new Rng(seed)));
  const first = draw(31);
  if ("verdict" in first) return first.verdict;
  const w = first.result as unknown;
  if (isTodo(w)) return notAnswered("your initializer still returns course.exercises.TODO");
  if (!(w instanceof Matrix)) return tryAgain(`expected a Matrix of shape (${fanIn},${fanOut}); got ${describe(w)}`);
  if (w.rows === fanOut && w.cols === fanIn) {
    return tryAgain(`the weights have shape ${shapeString(w)}`, "the weight matrix of a layer x·W is (fan_in, fan_out): rows = inputs, columns = outputs.");
  }
  if (w.rows !== fanIn || w.cols !== fanOut) return tryAgain(`expected shape (${fanIn},${fanOut}); got ${shapeString(w)}`);
  const again = draw(31);
  if ("verdict" in again || !(again.result instanceof Matrix) || again.result.data.some((v, k) => v !== w.data[k])) {
    return tryAgain("two calls with generators of the same seed drew different weights", "draw every number from the rng you are given (rng.randn), never from Math.random.");
  }
  const m = mean(w);
  const variance = sumOfSquares(w) / w.size - m * m;
  const target = 2 / fanIn;
  if (!Number.isFinite(variance)) return tryAgain("the weights contain NaN or Infinity");
  if (Math.abs(m) > 5 * Math.sqrt(target / w.size)) return tryAgain("the weights are not centred on 0", "He's weights have mean 0.");
  const ratio = variance / target;
  const near = (r: number, tol = 0.05) => Math.abs(ratio / r - 1) < tol;
  if (near(1)) {
    let fourth = 0;
    for (const v of w.data) fourth += (v - m) ** 4;
    const kurtosis = fourth / w.size / variance ** 2;
    if (kurtosis < 2.4) {
      return tryAgain("the variance is right but the values look uniform, not normal", "that is He uniform; here draw from a normal distribution (rng.randn takes a std).");
    }
    return correct("mean 0, the right variance for this fan-in, normally distributed, reproducible from the seed");
  }
  const hint = (h: string) => tryAgain("the weights have the wrong variance", h);
  if (near(fanIn / fanOut)) return hint("fan_in vs fan_out: He keeps the forward signal, which sums over the layer's fan_in inputs.");
  if (near(0.8)) return hint("that is Xavier's 2/(fan_in + fan_out); He's variance depends on fan_in only.");
  if (near(0.5)) return hint("a missing factor 2: ReLU keeps half of the second moment, and He's variance puts it back (that is LeCun's 1/fan_in).");
  if (near(target)) return hint("rng.randn(rows, cols, std) takes a standard deviation, the square root of the variance.");
  if (near(1 / 3)) return hint("U[−b, b] has variance b²/3; and here the distribution should be normal anyway.");
  return tryAgain(`the weights' variance is ${ratio.toPrecision(2)} times what He prescribes for this fan-in`);
});

/** What the learner hands in: one std for every layer of the 30 × 128 ReLU net, and why. */
export interface DeepStdChoice {
  std: number;
  why: string;
}

export interface DeepStdTrial {
  /** std of the last hidden layer's activations over the first's, at initialization. */
  spreadRatio: number;
  /** Loss at the last of the section's 300 steps, over the loss of predicting 0 (mean y²); NaN if training overflowed. */
  finalOverBaseline: number;
  divergedAtStep: number | null;
}

/** Section 3's net (seed 1, batch 8) with every weight N(0, std²): its spread at initialization, and, if healthy, training. */
export function deepStdTrial(std: number, train = true): DeepStdTrial {
  const { hiddenLayers, width, outputs, batchSize, steps, learningRate, seeds } = XAVIER_HE.deep;
  const spec = { sizes: deepSizes(hiddenLayers, width, outputs), activation: "relu" as const, init: fixedNormal(std), batchSize, seed: seeds[0], loss: meanSquared };
  const { net, x, y } = probeProblem(spec);
  const stats = layerStatistics(net, x, y);
  const spreadRatio = stats.hidden[hiddenLayers - 1].activationStd / stats.hidden[0].activationStd;
  if (!train) return { spreadRatio, finalOverBaseline: NaN, divergedAtStep: null };
  const history = trainGradientDescent(net, x, y, { learningRate, steps });
  const baseline = sumOfSquares(y) / y.size;
  return { spreadRatio, finalOverBaseline: history.loss[history.loss.length - 1] / baseline, divergedAtStep: history.divergedAtStep };
}

export const deepStdChoice = defineExercise("3.3", "a std that trains thirty ReLU layers", (answer: DeepStdChoice) => {
  if (isTodo(answer)) return notAnswered("choose { std, why } for the 30-layer ReLU net of section 3");
  if (typeof answer !== "object" || answer === null) return tryAgain(`expected { std: number, why: string }; got ${describe(answer)}`);
  const { std, why } = answer;
  if (isTodo(std)) return notAnswered("std is still course.exercises.TODO");
  if (typeof std !== "number" || !Number.isFinite(std) || std <= 0 || std > 10) return tryAgain(`std should be a positive number of sensible size; got ${describe(std)}`);
  const early = deepStdTrial(std, false);
  const ratio = early.spreadRatio.toExponential(1);
  if (!(early.spreadRatio > 1e-2)) {
    return tryAgain(`at initialization layer 30's spread is ${ratio}× layer 1's: the signal vanishes before training starts`,
      "each ReLU layer multiplies the spread by about σ·√(fan_in/2); 30 layers raise that to the 29th power. Make it 1.");
  }
  if (!(early.spreadRatio < 1e2)) {
    return tryAgain(`at initialization layer 30's spread is ${ratio}× layer 1's: the signal explodes`,
      "each ReLU layer multiplies the spread by about σ·√(fan_in/2), and 30 layers compound it: make that factor 1.");
  }
  const t = deepStdTrial(std);
  if (t.divergedAtStep !== null) {
    return tryAgain(`the spread at initialization is ${ratio}× layer 1's, but training overflowed at step ${t.divergedAtStep}`,
      "slightly too large: the factor per layer is above 1, so the output and the first gradients are already large. Aim for σ·√(fan_in/2) = 1.");
  }
  if (!(t.finalOverBaseline < 1 / 3)) {
    return tryAgain(`after 300 steps the loss is ${t.finalOverBaseline.toPrecision(2)}× that of predicting 0: the net did not learn`,
      "the spread at layer 30 is still far from layer 1's; the fix of this notebook makes each layer's factor exactly 1 for ReLU.");
  }
  if (isTodo(why) || typeof why !== "string" || why.trim().length < 10) {
    return notAnswered("the std trains the net; now say why in `why` (a sentence)");
  }
  return correct(`layer 30's spread is ${ratio}× layer 1's, and after 300 steps the loss is ${t.finalOverBaseline.toPrecision(2)}× that of predicting 0`);
});
