// The seeded experiments of notebook 03 (the Xavier and He fixes), defined once so that the notebook shows them and
// test/claims/notebook03.test.ts asserts what the notebook says about the very same runs.

import { Matrix } from "../engine/matrix";
import { matmul } from "../engine/matmul";
import { Rng } from "../engine/random";
import { std, sumOfSquares } from "../engine/reductions";
import { LabelledData, MNIST_CLASSES, MNIST_PIXELS, loadMnist, splitTrainHeldOut } from "../data/mnist";
import { Initializer } from "../init/initializer";
import { NamedInitializer, standardInitializer } from "../init/presets";
import { ActivationName } from "../nn/activation";
import { meanSquared } from "../nn/mean_squared_loss";
import { Mlp } from "../nn/mlp";
import { TUTORIAL_MLP } from "../nn/three_layer_net";
import { reluForward } from "../nn/relu";
import { oneHot, softmaxCrossEntropyLoss } from "../nn/softmax_cross_entropy";
import { TrainHistory, trainGradientDescent } from "../train/gradient_descent";
import { ProbeSpec, deepSizes, probeProblem, probeStatistics } from "./nb02_init_probe";
import { MinibatchHistory, trainMinibatchSgd } from "../train/minibatch_sgd";
import { NetworkStatistics } from "../train/statistics";
import { accuracy } from "../train/accuracy";
import { REFERENCE_EFFECTIVE_LEARNING_RATE, SeedRun, runTutorialSeed } from "./nb01_tutorial_runs";
import { checkOptions } from "../engine/checks";

export interface GainOptions {
  fanIn: number;
  fanOut: number;
  batchSize: number;
  seed: number;
}

export interface DepthOptions {
  hiddenLayers: number;
  width: number;
  batchSize: number;
  seed: number;
}

/** Every size, seed and learning rate of notebook 03. */
export const XAVIER_HE = {
  /** One layer, fan_in ≠ fan_out so the forward and backward conditions differ. */
  gain: { fanIn: 500, fanOut: 250, batchSize: 1000, seed: 7 },
  /** Statistics across depth: 20 hidden layers of 256 units. */
  depth: { hiddenLayers: 20, width: 256, batchSize: 64, seed: 3 },
  /** Notebook 02's deep shape (10 hidden layers of 500) under He, where the ReLU std should sit at √(1 − 1/π). */
  heFlat: { hiddenLayers: 10, width: 500, batchSize: 128, seed: 1 },
  /** After He et al. 2015, Fig. 3, fully connected: 30 ReLU layers of 128, random regression, mean squared loss. */
  deep: { hiddenLayers: 30, width: 128, outputs: 10, batchSize: 8, steps: 300, learningRate: 1e-3, seeds: [1, 2, 3, 4, 5] },
  /** The forward check of the 30-layer net uses a larger batch, so each layer's std is measured on 64·128 values. */
  deepStatsBatchSize: 64,
  /** The tutorial's 1000 → 100 → 100 → 10 net on its own problem (seed 0, as in notebooks 01 and 02). */
  tutorial: { seed: 0, steps: 300, learningRate: 1e-4 },
  /** MNIST: 4 hidden ReLU layers of 100, softmax cross-entropy, minibatch SGD. */
  digits: { hidden: [100, 100, 100, 100], batchSize: 64, steps: 500, learningRate: 0.1, heldOutFraction: 0.2, splitSeed: 1, seeds: [1, 2, 3, 4, 5] },
} as const;

/** Population variance of every entry. */
function varianceOf(m: Matrix): number {
  return std(m) ** 2;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. One layer: how much it multiplies the variance, forward and backward.

export interface LayerGain {
  name: string;
  /** Var(W) by the initializer's formula and as drawn. */
  weightVariance: number;
  measuredWeightVariance: number;
  /** Var(x·W) / Var(x): predicted fan_in · Var(W). */
  forwardGain: number;
  predictedForwardGain: number;
  /** Var(dh·Wᵀ) / Var(dh): predicted fan_out · Var(W). */
  backwardGain: number;
  predictedBackwardGain: number;
  /** Var(h₂)/Var(h₁) across a ReLU and a second layer: predicted ½ · fan_in · Var(W) (He's ½). */
  reluLayerGain: number;
  predictedReluLayerGain: number;
}

/**
 * Draws one layer W (fanIn, fanOut) with the named initializer and measures its gains on N(0, 1) signals:
 * forward x (N, fanIn) -> x·W, backward dh (N, fanOut) -> dh·Wᵀ, and, with a second square layer from the same
 * initializer, Var(relu(h)·W₂)/Var(h) for h = x·W.
 */
export function layerGain(preset: NamedInitializer, options: GainOptions = XAVIER_HE.gain): LayerGain {
  checkOptions("layerGain", "preset (a named initializer)", preset);
  checkOptions("layerGain", "options", options);
  const { fanIn, fanOut, batchSize, seed } = options;
  const rng = new Rng(seed);
  const x = rng.randn(batchSize, fanIn);
  const dh = rng.randn(batchSize, fanOut);
  const w = preset.init(fanIn, fanOut, rng);
  const w2 = preset.init(fanOut, fanOut, rng);
  const h = matmul(x, w);
  const h2 = matmul(reluForward(h), w2);
  return {
    name: preset.name,
    weightVariance: preset.variance(fanIn, fanOut),
    measuredWeightVariance: varianceOf(w),
    forwardGain: varianceOf(h) / varianceOf(x),
    predictedForwardGain: fanIn * preset.variance(fanIn, fanOut),
    backwardGain: varianceOf(matmul(dh, w, { transB: true })) / varianceOf(dh),
    predictedBackwardGain: fanOut * preset.variance(fanIn, fanOut),
    reluLayerGain: varianceOf(h2) / varianceOf(h),
    predictedReluLayerGain: 0.5 * fanOut * preset.variance(fanOut, fanOut),
  };
}

/** E[relu(z)²] / Var(z) for z ~ N(0, 1) drawn from the seed: the ½ in He's formula (exactly ½ in expectation). */
export function reluSecondMomentFraction(samples = 1_000_000, seed = 11): number {
  const z = new Rng(seed).randn(1, samples);
  let s = 0;
  for (const v of z.data) if (v > 0) s += v * v;
  return s / samples / varianceOf(z);
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Activation and gradient scale across depth, per initializer and activation.

export function depthStatistics(activation: ActivationName, init: Initializer, options: DepthOptions = XAVIER_HE.depth): NetworkStatistics {
  const { hiddenLayers, width, batchSize, seed } = options;
  return probeStatistics({ sizes: deepSizes(hiddenLayers, width), activation, init, batchSize, seed });
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Thirty ReLU layers: He trains, Xavier stalls.

export interface DeepReluRun {
  initializer: string;
  seed: number;
  history: TrainHistory;
  initialLoss: number;
  finalLoss: number;
  /** initialLoss / finalLoss: how many times the loss fell. */
  lossRatio: number;
  /** (finalLoss − initialLoss) / initialLoss. */
  relativeChange: number;
}

/** The 30-layer ReLU net of XAVIER_HE.deep under one initializer (not nb02's deepSpec, a 10-layer net under a named setup). */
function deepReluSpec(init: Initializer, seed: number, batchSize: number): ProbeSpec {
  const { hiddenLayers, width, outputs } = XAVIER_HE.deep;
  return { sizes: deepSizes(hiddenLayers, width, outputs), activation: "relu" as const, init, batchSize, seed, loss: meanSquared };
}

/** Per-layer statistics of a fresh 30-layer ReLU net. x and y come first from the seed, so every initializer sees the same data. */
export function deepReluStatistics(initializer: string, seed: number): NetworkStatistics {
  return probeStatistics(deepReluSpec(standardInitializer(initializer).init, seed, XAVIER_HE.deepStatsBatchSize));
}

/** Full-batch gradient descent on a fixed random regression batch (the same x, y for every initializer of a seed). */
export function deepReluRun(initializer: string, seed: number, batchSize: number = XAVIER_HE.deep.batchSize): DeepReluRun {
  const { net, x, y } = probeProblem(deepReluSpec(standardInitializer(initializer).init, seed, batchSize));
  const history = trainGradientDescent(net, x, y, { learningRate: XAVIER_HE.deep.learningRate, steps: XAVIER_HE.deep.steps });
  const initialLoss = history.loss[0];
  const finalLoss = history.loss[history.loss.length - 1];
  return { initializer, seed, history, initialLoss, finalLoss, lossRatio: initialLoss / finalLoss, relativeChange: (finalLoss - initialLoss) / initialLoss };
}

// ---------------------------------------------------------------------------------------------------------------
// 4. The tutorial's net, now initialized with care.

export interface TutorialInitRun {
  initializer: string;
  learningRate: number;
  history: TrainHistory;
  initialLoss: number;
  finalLoss: number;
  /** Σy²: the loss of predicting exactly zero. */
  sumOfSquaredTargets: number;
}

/** The tutorial's problem (seed XAVIER_HE.tutorial.seed: the same x and y as notebooks 01 and 02), trained from the named init. */
export function tutorialInitRun(
  initializer: string,
  learningRate: number = XAVIER_HE.tutorial.learningRate,
  steps: number = XAVIER_HE.tutorial.steps,
  seed: number = XAVIER_HE.tutorial.seed,
): TutorialInitRun {
  const { net, x, y } = probeProblem({ ...TUTORIAL_MLP, init: standardInitializer(initializer).init, batchSize: 128, seed });
  const history = trainGradientDescent(net, x, y, { learningRate, steps });
  return { initializer, learningRate, history, initialLoss: history.loss[0], finalLoss: history.loss[history.loss.length - 1], sumOfSquaredTargets: sumOfSquares(y) };
}

/** Notebook 01's run of the same problem: std-normal weights at the reference's learning rate (its ½ folded in). */
export function tutorialNaiveRun(steps: number = XAVIER_HE.tutorial.steps): SeedRun {
  return runTutorialSeed(XAVIER_HE.tutorial.seed, REFERENCE_EFFECTIVE_LEARNING_RATE, steps);
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Real data: MNIST digits.

export interface DigitsData {
  train: LabelledData;
  heldOut: LabelledData;
  /** One-hot training targets (N, 10). */
  trainTargets: Matrix;
}

/** All 10 000 digits, split once with XAVIER_HE.digits.splitSeed: 8000 to train on, 2000 held out. */
export function digitsData(): DigitsData {
  const split = splitTrainHeldOut(loadMnist(), XAVIER_HE.digits.heldOutFraction, new Rng(XAVIER_HE.digits.splitSeed));
  return { ...split, trainTargets: oneHot(split.train.labels, MNIST_CLASSES) };
}

export interface DigitsRun {
  initializer: string;
  seed: number;
  history: MinibatchHistory;
  /** Mean batch loss over the last 50 steps (noisy per batch, so averaged). */
  finalLoss: number;
  /** null when training diverged (the network's outputs are no longer finite numbers). */
  trainAccuracy: number | null;
  heldOutAccuracy: number | null;
}

/** 784 → 100 → 100 → 100 → 100 → 10 ReLU net, softmax cross-entropy, minibatch SGD; weights and batches from `seed`. */
export function digitsRun(data: DigitsData, initializer: string, seed: number): DigitsRun {
  const rng = new Rng(seed);
  const net = Mlp.initialized({ sizes: digitsSizes(), activation: "relu", loss: softmaxCrossEntropyLoss }, standardInitializer(initializer).init, rng);
  return trainDigitsNet(data, net, rng, initializer, seed);
}

export function digitsSizes(): number[] {
  return [MNIST_PIXELS, ...XAVIER_HE.digits.hidden, MNIST_CLASSES];
}

/** Trains a digits net exactly as digitsRun does (its batches drawn from `rng`) and scores it; for starts that are not a preset. */
export function trainDigitsNet(data: DigitsData, net: Mlp, rng: Rng, initializer: string, seed: number): DigitsRun {
  checkOptions("trainDigitsNet", "data (from digitsData)", data);
  checkOptions("trainDigitsNet", "net", net);
  const { batchSize, steps, learningRate } = XAVIER_HE.digits;
  const history = trainMinibatchSgd(net, data.train.x, data.trainTargets, { learningRate, steps, batchSize, rng });
  const tail = history.loss.slice(-50);
  const diverged = history.divergedAtStep !== null;
  const score = (d: LabelledData): number | null => (diverged ? null : accuracy(net.forward(d.x).yPred, d.labels));
  return {
    initializer,
    seed,
    history,
    finalLoss: tail.reduce((s, v) => s + v, 0) / tail.length,
    trainAccuracy: score(data.train),
    heldOutAccuracy: score(data.heldOut),
  };
}
