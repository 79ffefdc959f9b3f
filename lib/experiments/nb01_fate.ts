// One run of the tutorial's net, stopped as soon as its fate is sealed, and the name of that fate.
// Shared by notebook 01's fate map, its learning-rate control and its seed surveys.

import { addScaledInPlace } from "../engine/elementwise";
import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { sumOfSquares } from "../engine/reductions";
import { deadUnitFraction } from "../nn/relu";
import { ThreeLayerNet, TUTORIAL } from "../nn/three_layer_net";
import { reportStep } from "../train/step_observer";
import { expectArrayLike, expectInteger } from "../engine/checks";

/**
 * "dies":      every unit of hidden layer 2 is zero for every sample: no gradient reaches any weight, the loss is Σy² for good.
 * "overflows": the loss stopped being a finite number.
 * "learns":    after the last step the loss is below half of Σy² (well below the loss of predicting 0).
 * "stuck":     after the last step the loss is between ½ and 2 × Σy²: near the loss of predicting 0.
 * "high":      after the last step the loss is still above 2 × Σy².
 */
export type Fate = "dies" | "overflows" | "high" | "stuck" | "learns";

/** Above this multiple of Σy² a finite, living run is "high" rather than "stuck". */
export const STUCK_BELOW = 2;

/** How large the final loss must be, as a fraction of Σy², to count as "learns". */
export const LEARNS_BELOW = 0.5;

/** Per-layer standard deviations of the tutorial's three weight matrices. */
export type LayerStds = [number, number, number];

const FANS: [number, number][] = [
  [TUTORIAL.inputDim, TUTORIAL.hidden1],
  [TUTORIAL.hidden1, TUTORIAL.hidden2],
  [TUTORIAL.hidden2, TUTORIAL.outputDim],
];
/** Xavier/Glorot: std √(2 / (fan_in + fan_out)) per layer; He/Kaiming: √(2 / fan_in). */
export const XAVIER_STDS = FANS.map(([i, o]) => Math.sqrt(2 / (i + o))) as LayerStds;
export const HE_STDS = FANS.map(([i]) => Math.sqrt(2 / i)) as LayerStds;

export interface FateRun {
  fate: Fate;
  /** Step at which the fate was sealed: the first all-dead step, the first non-finite loss, or the last step run. */
  atStep: number;
  initialLoss: number;
  finalLoss: number;
  /** Σy², the loss of predicting exactly 0. */
  sumOfSquaredTargets: number;
  /** loss[t] before step t's update (stops at death or overflow). */
  loss: number[];
  /** Dead fraction of hidden layer 2 at each recorded step. */
  deadLayer2: number[];
}

/** The tutorial's data from `seed` (x, y drawn first, as in the reference), weights drawn after with per-layer stds. */
export function tutorialProblemWithStds(seed: number, stds: LayerStds): { x: Matrix; y: Matrix; net: ThreeLayerNet } {
  expectInteger("tutorialProblemWithStds", "seed", seed, 0);
  expectArrayLike("tutorialProblemWithStds", "stds", stds);
  if (stds.length !== 3 || stds.some((s) => !(s >= 0) || !Number.isFinite(s))) {
    throw new Error(`tutorialProblemWithStds: expected three finite stds ≥ 0, got [${stds.join(", ")}]`);
  }
  const rng = new Rng(seed);
  const x = rng.randn(TUTORIAL.batchSize, TUTORIAL.inputDim);
  const y = rng.randn(TUTORIAL.batchSize, TUTORIAL.outputDim);
  const net = new ThreeLayerNet({
    w1: rng.randn(TUTORIAL.inputDim, TUTORIAL.hidden1, stds[0]),
    w2: rng.randn(TUTORIAL.hidden1, TUTORIAL.hidden2, stds[1]),
    w3: rng.randn(TUTORIAL.hidden2, TUTORIAL.outputDim, stds[2]),
  });
  return { x, y, net };
}

/** Full-batch gradient descent for at most `steps` steps; stops at the first all-dead layer 2 or non-finite loss. */
export function runToFate(net: ThreeLayerNet, x: Matrix, y: Matrix, learningRate: number, steps: number): FateRun {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) throw new Error(`runToFate: expected a positive finite learning rate, got ${learningRate}`);
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`runToFate: expected a positive integer number of steps, got ${steps}`);
  const sy2 = sumOfSquares(y);
  const loss: number[] = [];
  const deadLayer2: number[] = [];
  const end = (fate: Fate, atStep: number): FateRun => ({
    fate, atStep, initialLoss: loss[0], finalLoss: loss[loss.length - 1], sumOfSquaredTargets: sy2, loss, deadLayer2,
  });
  for (let t = 0; t <= steps; t++) {
    const { loss: l, grads, hidden } = net.lossAndGradients(x, y);
    loss.push(l);
    deadLayer2.push(deadUnitFraction(hidden[1]));
    reportStep(t, steps + 1, l);
    if (!Number.isFinite(l)) return end("overflows", t);
    if (deadLayer2[t] === 1) return end("dies", t);
    if (t === steps) break;
    net.params.forEach((w, i) => addScaledInPlace(w, -learningRate, grads[i]));
  }
  const last = loss[steps];
  return end(last < LEARNS_BELOW * sy2 ? "learns" : last <= STUCK_BELOW * sy2 ? "stuck" : "high", steps);
}

/** The tutorial's problem for `seed` with per-layer stds, run to its fate. */
export function tutorialFate(seed: number, stds: LayerStds, learningRate: number, steps: number): FateRun {
  expectInteger("tutorialFate", "seed", seed, 0);
  expectArrayLike("tutorialFate", "stds", stds);
  const { x, y, net } = tutorialProblemWithStds(seed, stds);
  return runToFate(net, x, y, learningRate, steps);
}
