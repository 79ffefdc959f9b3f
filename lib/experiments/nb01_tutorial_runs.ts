// The reference tutorial's experiment as data: draw its problem from a seed, train it, and name what happened.
// Notebook 01 shows these runs; test/experiments/nb01_tutorial_runs.test.ts checks what the notebook says about them.

import { sumOfSquares } from "../engine/reductions";
import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { ThreeLayerNet, TUTORIAL } from "../nn/three_layer_net";
import { TrainHistory, trainGradientDescent } from "../train/gradient_descent";
import { checkOptions, describeValue, expectArrayLike } from "../engine/checks";

/**
 * The reference updates W by lr·(½ ∂loss/∂W): its output gradient is (ŷ − y) where the derivative of Σ(ŷ − y)² is 2(ŷ − y).
 * With the true gradient, the same step needs half the learning rate.
 */
export const REFERENCE_EFFECTIVE_LEARNING_RATE = TUTORIAL.learningRate / 2;

export interface TutorialProblem {
  x: Matrix; // (128, 1000), N(0, 1)
  y: Matrix; // (128, 10),   N(0, 1)
  net: ThreeLayerNet; // weights N(0, std²), drawn after x and y from the same generator
}

/**
 * The reference's data: x (batchSize, inputDim), then y (batchSize, outputDim), both N(0, 1), drawn first from the
 * generator that then draws the weights. Every notebook's problem starts so (tutorialProblem, nb02's probeProblem,
 * nb04's float32 problem), which is why the same seed gives the same data in all of them.
 */
export function tutorialData(
  rng: Rng,
  batchSize: number = TUTORIAL.batchSize,
  inputDim: number = TUTORIAL.inputDim,
  outputDim: number = TUTORIAL.outputDim,
): { x: Matrix; y: Matrix } {
  if (!(rng instanceof Rng)) throw new Error(`tutorialData: expected rng to be an Rng, got ${describeValue(rng)}`);
  const x = rng.randn(batchSize, inputDim);
  return { x, y: rng.randn(batchSize, outputDim) };
}

/** x, y, then w1, w2, w3, in that order from one generator seeded with `seed`, as in the reference. */
export function tutorialProblem(seed: number, weightStd = 1): TutorialProblem {
  const rng = new Rng(seed);
  const { x, y } = tutorialData(rng);
  return { x, y, net: ThreeLayerNet.randomNormal(rng, weightStd) };
}

/**
 * "overflow": the loss became NaN or ±Infinity.
 * "dead": the loss is finite but every unit of the last hidden layer is zero for every sample, so no gradient reaches
 *         any weight and the loss is frozen at Σy² (the prediction is exactly 0).
 * "alive": neither, after at least one step.
 * "untrained": no step ran, so nothing can be said.
 */
export type RunOutcome = "overflow" | "dead" | "alive" | "untrained";

export function runOutcome(history: TrainHistory): RunOutcome {
  checkOptions("runOutcome", "history (a training history)", history);
  if (history.divergedAtStep !== null) return "overflow";
  if (history.stalledFraction.length === 0) return "untrained";
  const lastDead = history.stalledFraction[history.stalledFraction.length - 1];
  return lastDead && lastDead[lastDead.length - 1] === 1 ? "dead" : "alive";
}

export interface SeedRun {
  seed: number;
  outcome: RunOutcome;
  initialLoss: number;
  finalLoss: number;
  /** Σy², the loss of predicting exactly zero. */
  sumOfSquaredTargets: number;
  /** First step at which the last hidden layer was entirely dead, or null. */
  diedAtStep: number | null;
  divergedAtStep: number | null;
  history: TrainHistory;
}

/** Trains the reference problem for one seed at the reference's init (std-normal weights). */
export function runTutorialSeed(seed: number, learningRate: number, steps: number): SeedRun {
  const { x, y, net } = tutorialProblem(seed);
  const history = trainGradientDescent(net, x, y, { learningRate, steps });
  const lastLayer = (t: number) => history.stalledFraction[t][history.stalledFraction[t].length - 1];
  const died = history.stalledFraction.findIndex((_, t) => lastLayer(t) === 1);
  return {
    seed,
    outcome: runOutcome(history),
    initialLoss: history.loss[0],
    finalLoss: history.loss[history.loss.length - 1],
    sumOfSquaredTargets: sumOfSquares(y),
    diedAtStep: died >= 0 ? died : null,
    divergedAtStep: history.divergedAtStep,
    history,
  };
}

/** Runs several seeds and counts the outcomes. */
export function surveyTutorialSeeds(seeds: number[], learningRate: number, steps: number) {
  expectArrayLike("surveyTutorialSeeds", "seeds", seeds);
  const runs = seeds.map((seed) => runTutorialSeed(seed, learningRate, steps));
  const count = (o: RunOutcome) => runs.filter((r) => r.outcome === o).length;
  return { runs, dead: count("dead"), overflow: count("overflow"), alive: count("alive") };
}
