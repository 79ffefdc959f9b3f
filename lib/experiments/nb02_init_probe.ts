// Seeded experiments on a freshly initialized network: draw a problem, measure it, train it.
// Notebook 02 calls these, and test/claims/notebook02.test.ts asserts what the notebook says about the same runs.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { Initializer } from "../init/initializer";
import { ActivationName } from "../nn/activation";
import { Loss } from "../nn/loss";
import { sumOfSquaredErrors } from "../nn/sum_of_squares_loss";
import { sumOfSquares as sumOfSquaredEntries } from "../engine/reductions";
import { Mlp, checkSizes } from "../nn/mlp";
import { NetworkStatistics, StatisticsOptions, TrainingStatistics, layerStatistics, trainWithStatistics } from "../train/statistics";
import { tutorialData } from "./nb01_tutorial_runs";
import { checkOptions, expectArrayLike } from "../engine/checks";

export interface ProbeSpec {
  sizes: readonly number[];
  activation: ActivationName;
  init: Initializer;
  batchSize: number;
  seed: number;
  /** Default: the tutorial's sum of squares. */
  loss?: Loss;
}

export interface ProbeProblem {
  net: Mlp;
  x: Matrix; // (batchSize, sizes[0]), N(0, 1) like the tutorial's data
  y: Matrix; // (batchSize, sizes[L]), N(0, 1) targets: nothing to learn but memorising them
}

/**
 * x, then y, then the weights layer by layer, all from one generator seeded with `seed` — the tutorial's order,
 * so the tutorial's sizes with std-normal weights give the same draw as tutorialProblem(seed).
 */
export function probeProblem(spec: ProbeSpec): ProbeProblem {
  checkOptions("probeProblem", "spec", spec);
  checkSizes(spec.sizes);
  if (!Number.isInteger(spec.batchSize) || spec.batchSize < 1) {
    throw new Error(`probeProblem: expected a positive integer batchSize, got ${spec.batchSize}`);
  }
  const rng = new Rng(spec.seed);
  const { x, y } = tutorialData(rng, spec.batchSize, spec.sizes[0], spec.sizes[spec.sizes.length - 1]);
  const net = Mlp.initialized({ sizes: spec.sizes, activation: spec.activation, loss: spec.loss ?? sumOfSquaredErrors }, spec.init, rng);
  return { net, x, y };
}

/** One forward/backward pass on a fresh network: its per-layer statistics at initialization. */
export function probeStatistics(spec: ProbeSpec, options?: StatisticsOptions): NetworkStatistics {
  checkOptions("probeStatistics", "spec", spec);
  const { net, x, y } = probeProblem(spec);
  return layerStatistics(net, x, y, options);
}

export interface ProbeTrainingOptions {
  learningRate: number;
  steps: number;
  snapshotEvery?: number;
}

export interface ProbeTraining extends TrainingStatistics {
  /** Σy²: the loss of a network that predicts exactly 0, the natural yardstick for a stuck loss. */
  sumOfSquaredTargets: number;
  /** loss[t] / Σy² for every recorded step. */
  relativeLoss: number[];
}

/** Trains a fresh network on its own seeded problem with full-batch gradient descent, recording statistics. */
export function probeTraining(spec: ProbeSpec, options: ProbeTrainingOptions): ProbeTraining {
  checkOptions("probeTraining", "spec", spec);
  checkOptions("probeTraining", "options", options);
  const { net, x, y } = probeProblem(spec);
  const stats = trainWithStatistics(net, x, y, options);
  const sumY2 = sumOfSquaredEntries(y);
  return { ...stats, sumOfSquaredTargets: sumY2, relativeLoss: stats.history.loss.map((l) => l / sumY2) };
}

/** The deepest stack deepSizes builds: far past notebook 02's 100 layers, far below what would exhaust memory. */
export const MAX_DEEP_LAYERS = 10000;

/** Widths of a deep stack: input and every hidden layer `width` wide, then `outputDim` outputs, e.g. deepSizes(10, 500). */
export function deepSizes(hiddenLayers: number, width: number, outputDim = 10): number[] {
  if (!Number.isInteger(hiddenLayers) || hiddenLayers < 0) {
    throw new Error(`deepSizes: expected a non-negative integer number of hidden layers, got ${hiddenLayers}`);
  }
  // Checked before the array exists: new Array(1e9) would exhaust the heap (uncatchably) before checkSizes ran.
  if (hiddenLayers > MAX_DEEP_LAYERS) {
    throw new Error(`deepSizes: expected at most ${MAX_DEEP_LAYERS} hidden layers, got ${hiddenLayers}`);
  }
  const sizes = [width, ...new Array<number>(hiddenLayers).fill(width), outputDim];
  checkSizes(sizes);
  return sizes;
}

/** (last / first)^(1/(n−1)): the average factor per step of a sequence that changes geometrically. */
export function geometricMeanFactor(values: readonly number[]): number {
  expectArrayLike("geometricMeanFactor", "values", values);
  if (values.length < 2) throw new Error(`geometricMeanFactor: expected at least 2 values, got ${values.length}`);
  const [first, last] = [values[0], values[values.length - 1]];
  if (!(first > 0) || !(last > 0)) throw new Error(`geometricMeanFactor: expected positive first and last values, got ${first} and ${last}`);
  return Math.pow(last / first, 1 / (values.length - 1));
}
