// Sections 3, 5, 6 and 8 of notebook 05, all on notebook 03's deep net (30 ReLU layers of 128, a fixed random
// regression batch, mean squared loss): BatchNorm with three inits, LSUV vs He, Adam from a bad start, and the
// per-layer statistics while training. For a seed, x and y come first from the generator, then the weights, so every
// variant of a seed sees the same data.

import { Matrix } from "../engine/matrix";
import { Initializer } from "../init/initializer";
import { LsuvLayerRecord, lsuv } from "../train/lsuv";
import { orthogonal } from "../init/orthogonal";
import { standardInitializer } from "../init/presets";
import { BatchNormMlp } from "../nn/batch_norm_mlp";
import { meanSquared } from "../nn/mean_squared_loss";
import { Mlp } from "../nn/mlp";
import { deadUnitFraction } from "../nn/relu";
import { TUTORIAL } from "../nn/three_layer_net";
import { Model } from "../nn/model";
import { adamTrain } from "./nb05_adam_run";
import { TrainHistory, trainGradientDescent } from "../train/gradient_descent";
import { TrainingStatistics, trainWithStatistics } from "../train/statistics";
import { deepSizes, probeProblem } from "./nb02_init_probe";
import { BEYOND } from "./nb05_config";
import { checkOptions, describeValue } from "../engine/checks";

export interface DeepProblem {
  x: Matrix;
  y: Matrix;
  net: Mlp;
}

/** The 30-layer problem of a seed with weights from `init` (an initializer name of lib/init/presets, or an Initializer). */
export function deepProblem(init: string | Initializer, seed: number = BEYOND.deep.seed, batchSize: number = BEYOND.deep.batchSize): DeepProblem {
  const { hiddenLayers, width, outputs } = BEYOND.deep;
  const initializer = typeof init === "string" ? standardInitializer(init).init : init;
  return probeProblem({ sizes: deepSizes(hiddenLayers, width, outputs), activation: "relu", init: initializer, batchSize, seed, loss: meanSquared });
}

export interface DeepRun {
  name: string;
  history: TrainHistory;
  initialLoss: number;
  /** Last finite loss. */
  finalLoss: number;
  /** initialLoss / finalLoss. */
  lossRatio: number;
  diverged: boolean;
}

export function summarize(name: string, history: TrainHistory): DeepRun {
  if (typeof name !== "string") throw new Error(`summarize: expected name to be a string, got ${describeValue(name)}`);
  checkOptions("summarize", "history", history);
  const finite = history.loss.filter(Number.isFinite);
  const initialLoss = history.loss[0];
  const finalLoss = finite.length > 0 ? finite[finite.length - 1] : NaN;
  return { name, history, initialLoss, finalLoss, lossRatio: initialLoss / finalLoss, diverged: history.divergedAtStep !== null };
}

function gd(model: Model, x: Matrix, y: Matrix, steps: number = BEYOND.deep.steps): TrainHistory {
  return trainGradientDescent(model, x, y, { learningRate: BEYOND.deep.learningRate, steps });
}

/** Section 3: the named init, plain or with BatchNorm after every hidden matrix product (same weights, same data). */
export function batchNormRun(init: string, withBatchNorm: boolean, seed: number = BEYOND.deep.seed): DeepRun {
  const { net, x, y } = deepProblem(init, seed);
  const model: Model = withBatchNorm ? new BatchNormMlp(net.weights, "relu", meanSquared) : net;
  return summarize(`${init}${withBatchNorm ? " + BatchNorm" : ""}`, gd(model, x, y));
}

/** Activation std per hidden layer at the start, with or without BatchNorm (BatchNorm's a = relu(BN(h))). */
export function batchNormStartStd(init: string, withBatchNorm: boolean, seed: number = BEYOND.deep.seed): number[] {
  const { net, x } = deepProblem(init, seed, 64);
  if (!withBatchNorm) return net.forward(x).a.map(stdOf);
  return new BatchNormMlp(net.weights, "relu", meanSquared).forward(x).a.map(stdOf);
}

function stdOf(m: Matrix): number {
  let s = 0, s2 = 0;
  for (let k = 0; k < m.data.length; k++) { s += m.data[k]; s2 += m.data[k] * m.data[k]; }
  const mu = s / m.data.length;
  return Math.sqrt(Math.max(0, s2 / m.data.length - mu * mu));
}

export interface LsuvRun extends DeepRun {
  records: LsuvLayerRecord[];
  /** Activation std per hidden layer right after LSUV, on its own batch. */
  activationStd: number[];
}

/** Section 5: orthogonal weights rescaled by LSUV on the training batch itself, then trained like the others. */
export function lsuvRun(seed: number = BEYOND.deep.seed): LsuvRun {
  const { net, x, y } = deepProblem(orthogonal(1), seed);
  const records = lsuv(net, x);
  const activationStd = net.forward(x).a.map(stdOf);
  return { ...summarize("LSUV", gd(net, x, y)), records, activationStd };
}

/** The same net and data under a preset, with the activation std per hidden layer at the start (for the LSUV comparison). */
export function presetRun(init: string, seed: number = BEYOND.deep.seed): DeepRun & { activationStd: number[] } {
  const { net, x, y } = deepProblem(init, seed);
  const activationStd = net.forward(x).a.map(stdOf);
  return { ...summarize(init, gd(net, x, y)), activationStd };
}

/** Section 6: Adam on the 30-layer net from the named init. */
export function deepAdamRun(init: string, seed: number = BEYOND.deep.seed): DeepRun {
  const { net, x, y } = deepProblem(init, seed);
  return summarize(`${init}, Adam`, adamTrain(net, x, y, BEYOND.deep.steps));
}

/** Section 6: the tutorial's 1000 → 100 → 100 → 10 net from N(0, 1) (notebook 01's problem, seed 0) with Adam. */
export function tutorialAdamRun(steps: number = BEYOND.deep.steps): DeepRun & { sumOfSquaredTargets: number; deadAtEnd: number[] } {
  // The tutorial's sizes and ReLU; probeProblem's default loss is the tutorial's sum of squares.
  const sizes = [TUTORIAL.inputDim, TUTORIAL.hidden1, TUTORIAL.hidden2, TUTORIAL.outputDim];
  const { net, x, y } = probeProblem({ sizes, activation: "relu", init: standardInitializer("naive N(0,1)").init, batchSize: TUTORIAL.batchSize, seed: 0 });
  const history = adamTrain(net, x, y, steps);
  let s = 0;
  for (const v of y.data) s += v * v;
  return { ...summarize("tutorial N(0,1), Adam", history), sumOfSquaredTargets: s, deadAtEnd: net.forward(x).a.map(deadUnitFraction) };
}

/** Section 8: plain gradient descent from a good (He) and a bad (Xavier) start, with snapshots every k steps. */
export function trainingStatisticsRun(init: string, seed: number = BEYOND.deep.seed): TrainingStatistics {
  const { net, x, y } = deepProblem(init, seed);
  return trainWithStatistics(net, x, y, { learningRate: BEYOND.deep.learningRate, steps: BEYOND.deep.steps, snapshotEvery: BEYOND.snapshotEvery });
}

