// Reference solutions to notebook 03's exercises (issue 16). Spoilers: the notebooks never import this file.

import { Matrix } from "../lib/engine/matrix";
import { Rng } from "../lib/engine/random";
import { DeepStdChoice } from "../lib/exercises/nb03_exercises";

// 3.1 A leaky ReLU of slope a keeps E[a²] = (1 + a²)/2 · Var(h); to keep the signal, fan_in · Var(W) · (1 + a²)/2 = 1.
export const leakyHeStd = Math.sqrt(2 / ((1 + 0.1 ** 2) * 500));

// 3.2 He normal: N(0, 2/fan_in), a (fanIn, fanOut) matrix from the given generator.
export function heNormalInit(fanIn: number, fanOut: number, rng: Rng): Matrix {
  return rng.randn(fanIn, fanOut, Math.sqrt(2 / fanIn));
}

// 3.3 He's std for fan_in 128.
export const deepStdChoice: DeepStdChoice = {
  std: Math.sqrt(2 / 128),
  why: "σ·√(fan_in/2) = 1: each ReLU layer then keeps the spread, so 30 layers neither vanish nor explode",
};
