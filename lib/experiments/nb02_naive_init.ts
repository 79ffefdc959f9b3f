// The seeded experiments of notebook 02 (vanishing and exploding signals under naive initialization), defined once
// so that the notebook shows them and test/claims/notebook02.test.ts asserts what the notebook says about them.

import { sumOfSquares } from "../engine/reductions";
import { expectPositiveInteger } from "../engine/checks";
import { Initializer } from "../init/initializer";
import { fixedNormal } from "../init/variance_scaling";
import { lecunNormal } from "../init/presets";
import { ActivationName } from "../nn/activation";
import { ScalePrediction, expectedSumOfSquaresLoss, linearScaleTheory, reluScaleTheory } from "../nn/scale_theory";
import { TUTORIAL, TUTORIAL_MLP } from "../nn/three_layer_net";
import { ProbeSpec, ProbeTraining, deepSizes, probeProblem, probeTraining } from "./nb02_init_probe";
import { NetworkStatistics, layerStatistics } from "../train/statistics";

/** Seeds and sizes of the notebook's runs. The tutorial seed is notebook 01's seed 0, so the problem is the same. */
export const NAIVE_INIT = {
  tutorialSeed: 0,
  deepSeed: 1,
  batchSize: TUTORIAL.batchSize,
  /** The deep nets whose statistics we look at: 10 hidden layers of 500 (inputs 500 wide, 10 outputs). */
  deepLayers: 10,
  deepWidth: 500,
  /** The deep nets we train for loss curves are narrower, to keep the notebook fast: 10 hidden layers of 100. */
  curveWidth: 100,
  curveSteps: 100,
  curveLearningRate: 1e-4,
} as const;

export type DeepSetupName = "tanhSmall" | "tanhLarge" | "reluFanIn" | "tanhFanIn";

export interface DeepSetup {
  label: string;
  activation: ActivationName;
  /** The weight std as a function of the layer's fan-in: what theory needs. */
  weightStd: (fanIn: number) => number;
  init: Initializer;
}

/** A weight std as a function of fan-in that checks the fan-in it is given. */
function stdOfFanIn(std: (fanIn: number) => number): (fanIn: number) => number {
  return (fanIn) => {
    expectPositiveInteger("DEEP_SETUPS weightStd", "fanIn", fanIn);
    return std(fanIn);
  };
}

/** The naive scales of the notebook, and one scaled by fan-in (the reference the others are compared with). */
export const DEEP_SETUPS: Readonly<Record<DeepSetupName, DeepSetup>> = {
  tanhSmall: { label: "tanh, W·0.01", activation: "tanh", weightStd: stdOfFanIn(() => 0.01), init: fixedNormal(0.01) },
  tanhLarge: { label: "tanh, std 1", activation: "tanh", weightStd: stdOfFanIn(() => 1), init: fixedNormal(1) },
  reluFanIn: { label: "ReLU, std 1/√fan_in", activation: "relu", weightStd: stdOfFanIn((n) => 1 / Math.sqrt(n)), init: lecunNormal() },
  tanhFanIn: { label: "tanh, std 1/√fan_in", activation: "tanh", weightStd: stdOfFanIn((n) => 1 / Math.sqrt(n)), init: lecunNormal() },
};

export interface TutorialAtScale {
  weightStd: number;
  statistics: NetworkStatistics;
  /** The variance argument's prediction for this net (ReLU, N(0, std²) weights, N(0, 1) inputs). */
  theory: ScalePrediction;
  expectedLoss: number;
  sumOfSquaredTargets: number;
}

/** The tutorial's net and problem (seed NAIVE_INIT.tutorialSeed) with every weight N(0, weightStd²). */
export function tutorialAtScale(weightStd: number): TutorialAtScale {
  const { net, x, y } = probeProblem(tutorialSpec(weightStd));
  const theory = reluScaleTheory(TUTORIAL_MLP.sizes, weightStd);
  return {
    weightStd,
    statistics: layerStatistics(net, x, y),
    theory,
    expectedLoss: expectedSumOfSquaresLoss(x.rows, y.cols, theory.outputStd),
    sumOfSquaredTargets: sumOfSquares(y),
  };
}

/** Trains the tutorial's net from N(0, weightStd²) weights with gradient descent, recording statistics. */
export function tutorialTraining(weightStd: number, learningRate: number, steps: number): ProbeTraining {
  return probeTraining(tutorialSpec(weightStd), { learningRate, steps });
}

/** A deep net of NAIVE_INIT.deepLayers hidden layers, `width` wide, under one of the setups. */
export function deepSpec(setup: DeepSetupName, width: number = NAIVE_INIT.deepWidth): ProbeSpec {
  const s = getSetup(setup);
  return {
    sizes: deepSizes(NAIVE_INIT.deepLayers, width),
    activation: s.activation,
    init: s.init,
    batchSize: NAIVE_INIT.batchSize,
    seed: NAIVE_INIT.deepSeed,
  };
}

/** Per-layer statistics of a fresh deep net (10 × 500 by default). */
export function deepStatistics(setup: DeepSetupName, width: number = NAIVE_INIT.deepWidth): NetworkStatistics {
  const { net, x, y } = probeProblem(deepSpec(setup, width));
  return layerStatistics(net, x, y);
}

/** What the variance argument predicts for a setup: exact-in-expectation for ReLU, the linear regime for tanh. */
export function deepTheory(setup: DeepSetupName, width: number = NAIVE_INIT.deepWidth): ScalePrediction {
  const s = getSetup(setup);
  const sizes = deepSizes(NAIVE_INIT.deepLayers, width);
  const stds = sizes.slice(0, -1).map((n) => s.weightStd(n));
  return s.activation === "relu" ? reluScaleTheory(sizes, stds) : linearScaleTheory(sizes, stds);
}

/** Trains a fresh deep net (10 hidden layers of NAIVE_INIT.curveWidth) for the loss curves. */
export function deepTraining(setup: DeepSetupName, learningRate: number = NAIVE_INIT.curveLearningRate, steps: number = NAIVE_INIT.curveSteps): ProbeTraining {
  return probeTraining(deepSpec(setup, NAIVE_INIT.curveWidth), { learningRate, steps });
}

function tutorialSpec(weightStd: number): ProbeSpec {
  return { ...TUTORIAL_MLP, init: fixedNormal(weightStd), batchSize: NAIVE_INIT.batchSize, seed: NAIVE_INIT.tutorialSeed };
}

function getSetup(name: DeepSetupName): DeepSetup {
  if (!Object.prototype.hasOwnProperty.call(DEEP_SETUPS, name)) {
    throw new Error(`unknown setup ${JSON.stringify(name)}: expected one of ${Object.keys(DEEP_SETUPS).map((k) => `"${k}"`).join(", ")}`);
  }
  return DEEP_SETUPS[name];
}
