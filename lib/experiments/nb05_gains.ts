// Section 1 of notebook 05: the general rule Var(W) = gain² / fan_in, with each activation's gain derived as
// 1 / √E[act(z)²] for z ~ N(0, 1), and measured through a deep net: with the right gain the pre-activation std stays
// put over 30 layers; with gain 1 (LeCun) it does not, except for the activations that keep the second moment.

import { Matrix } from "../engine/matrix";
import { matmul } from "../engine/matmul";
import { Rng } from "../engine/random";
import { std } from "../engine/reductions";
import { leakyReluForward, leakyReluGain } from "../nn/leaky_relu";
import { reluForward } from "../nn/relu";
import { seluForward } from "../nn/selu";
import { tanhForward } from "../nn/tanh";
import { BEYOND } from "./nb05_config";

export type GainActivation = "linear" | "tanh" | "relu" | "leaky_relu" | "selu";
export const GAIN_ACTIVATIONS: readonly GainActivation[] = ["linear", "tanh", "relu", "leaky_relu", "selu"];

function forwardOf(name: GainActivation): (h: Matrix) => Matrix {
  switch (name) {
    case "linear": return (h) => h;
    case "tanh": return tanhForward;
    case "relu": return reluForward;
    case "leaky_relu": return (h) => leakyReluForward(h, BEYOND.gains.leakySlope);
    case "selu": return seluForward;
    default: throw new Error(`nb05 gains: expected one of ${GAIN_ACTIVATIONS.join(", ")}, got ${JSON.stringify(name)}`);
  }
}

/** The recommended gain of each activation (PyTorch's calculate_gain values; SELU is used with LeCun's gain 1). */
export function recommendedGain(name: GainActivation): number {
  switch (name) {
    case "linear": return 1;
    case "tanh": return 5 / 3;
    case "relu": return Math.SQRT2;
    case "leaky_relu": return leakyReluGain(BEYOND.gains.leakySlope);
    case "selu": return 1;
    default: throw new Error(`nb05 gains: expected one of ${GAIN_ACTIVATIONS.join(", ")}, got ${JSON.stringify(name)}`);
  }
}

/** 1/√E[act(z)²] over `draws` standard-normal values: the gain that keeps the second moment of the next layer's input. */
export function measuredGain(name: GainActivation, draws: number = BEYOND.gains.draws, seed: number = BEYOND.gains.seed): number {
  const z = new Rng(seed).randn(1, draws);
  const a = forwardOf(name)(z);
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k] * a.data[k];
  return 1 / Math.sqrt(s / a.data.length);
}

export interface GainDepthRun {
  activation: GainActivation;
  gain: number;
  /** std of each layer's pre-activation h_l = a_{l−1}·W_l, layer 1 first. */
  preActivationStd: number[];
}

/** Pushes `batchSize` N(0,1) rows through `layers` square layers with W ~ N(0, gain²/width). Same draws for every gain. */
export interface GainDepthOptions { layers: number; width: number; batchSize: number; seed: number }

export function gainDepthRun(activation: GainActivation, gain: number, o: GainDepthOptions = BEYOND.gains): GainDepthRun {
  const rng = new Rng(o.seed);
  const act = forwardOf(activation);
  let a = rng.randn(o.batchSize, o.width);
  const preActivationStd: number[] = [];
  for (let l = 0; l < o.layers; l++) {
    const h = matmul(a, rng.randn(o.width, o.width, gain / Math.sqrt(o.width)));
    preActivationStd.push(std(h));
    a = act(h);
  }
  return { activation, gain, preActivationStd };
}
