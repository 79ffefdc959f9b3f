// tfjs's own initializers, with an explicit seed for every layer so a seed reproduces the same weights.
// All four are tfjs's VarianceScaling presets: He = scale 2, fan_in; Glorot = scale 1, fan_avg (Var = 2/(fan_in+fan_out)).
//
// A catch worth knowing: for "normal" tfjs draws from a normal truncated at ±2 std and does NOT rescale it
// (Python Keras divides the std by init/variance_scaling's TRUNCATED_STD_RATIO, 0.8796), so heNormal and glorotNormal come out with about 0.88× the formula's
// std, i.e. 0.77× its variance. The uniform presets, U(−√(3·Var), √(3·Var)), have exactly the formula's variance.

import * as tf from "@tensorflow/tfjs";
import { expectOneOf, expectPositiveNumber } from "../engine/checks";
import { VarianceScalingOptions, varianceScalingVariance } from "../init/variance_scaling";

export type TfInitName = "heNormal" | "heUniform" | "glorotNormal" | "glorotUniform";

export const TF_INIT_NAMES: readonly TfInitName[] = ["heNormal", "heUniform", "glorotNormal", "glorotUniform"];

/** tfjs does not export its Initializer class under tf.*, so name it by what the presets return. */
export type TfInitializer = ReturnType<typeof tf.initializers.heNormal>;

/** Each preset as the course's variance-scaling options: tfjs's "normal" is in fact the unrescaled truncated normal. */
export const TF_INIT_OPTIONS: Readonly<Record<TfInitName, Readonly<VarianceScalingOptions>>> = {
  heNormal: { scale: 2, mode: "fan_in", distribution: "normal" },
  heUniform: { scale: 2, mode: "fan_in", distribution: "uniform" },
  glorotNormal: { scale: 1, mode: "fan_avg", distribution: "normal" },
  glorotUniform: { scale: 1, mode: "fan_avg", distribution: "uniform" },
};

/**
 * The seeded tfjs kernel initializer of that name. The seed must be a positive integer: tfjs's normal draws treat
 * seed 0 as "no seed" (`seed ? seed : Math.random()`), which would silently make a run unrepeatable.
 */
export function kernelInitializer(init: TfInitName, seed: number): TfInitializer {
  if (!Number.isSafeInteger(seed) || seed < 1) {
    throw new Error(`kernelInitializer: expected a positive integer seed (tfjs ignores seed 0), got ${seed}`);
  }
  switch (init) {
    case "heNormal":
      return tf.initializers.heNormal({ seed });
    case "heUniform":
      return tf.initializers.heUniform({ seed });
    case "glorotNormal":
      return tf.initializers.glorotNormal({ seed });
    case "glorotUniform":
      return tf.initializers.glorotUniform({ seed });
    default:
      throw new Error(`kernelInitializer: expected one of ${TF_INIT_NAMES.join(", ")}, got ${JSON.stringify(init)}`);
  }
}

/** The std the formula asks for: sqrt(2/fan_in) for He, sqrt(2/(fan_in+fan_out)) for Glorot. */
export function formulaStd(init: TfInitName, fanIn: number, fanOut: number): number {
  expectOneOf("formulaStd", "init", init, TF_INIT_NAMES);
  expectPositiveNumber("formulaStd", "fanIn", fanIn);
  expectPositiveNumber("formulaStd", "fanOut", fanOut);
  const options = TF_INIT_OPTIONS[init];
  if (!options) throw new Error(`formulaStd: expected one of ${TF_INIT_NAMES.join(", ")}, got ${JSON.stringify(init)}`);
  return Math.sqrt(varianceScalingVariance(options, fanIn, fanOut));
}
