// The named initializers of the course, each a one-line setting of varianceScaling (or a fixed std).
// Normal presets use the plain Gaussian of the papers; ask varianceScaling for "truncated_normal" to get Keras's default.

import { Initializer } from "./initializer";
import { FanMode, VarianceScalingOptions, fixedNormal, varianceScaling, varianceScalingVariance } from "./variance_scaling";

/** The tutorial's draw: every weight N(0, 1), whatever the layer's size. */
export function naiveNormal(): Initializer {
  return fixedNormal(1);
}

/** N(0, std²) with a small fixed std (0.01 by default): the usual "small random numbers" recipe. */
export function smallNormal(std = 0.01): Initializer {
  return fixedNormal(std);
}

/** LeCun: Var(W) = 1 / fan_in. */
export const LECUN_NORMAL: Readonly<VarianceScalingOptions> = { scale: 1, mode: "fan_in", distribution: "normal" };
/** Xavier/Glorot: Var(W) = 1 / ((fan_in + fan_out) / 2) = 2 / (fan_in + fan_out), normal. */
export const XAVIER_NORMAL: Readonly<VarianceScalingOptions> = { scale: 1, mode: "fan_avg", distribution: "normal" };
/** He/Kaiming: Var(W) = 2 / fan_in, normal. */
export const HE_NORMAL: Readonly<VarianceScalingOptions> = { scale: 2, mode: "fan_in", distribution: "normal" };

export function lecunNormal(): Initializer {
  return varianceScaling(LECUN_NORMAL);
}

export function xavierNormal(): Initializer {
  return varianceScaling(XAVIER_NORMAL);
}

/** Xavier/Glorot: U[−b, b] with b = sqrt(6 / (fan_in + fan_out)), so Var(W) = 2 / (fan_in + fan_out). */
export function xavierUniform(): Initializer {
  return varianceScaling({ scale: 1, mode: "fan_avg", distribution: "uniform" });
}

/** He/Kaiming: Var(W) = 2 / fan_in (or 2 / fan_out with mode "fan_out", to keep gradients instead), normal. */
export function heNormal(mode: Exclude<FanMode, "fan_avg"> = "fan_in"): Initializer {
  checkHeMode("heNormal", mode);
  return varianceScaling({ ...HE_NORMAL, mode });
}

/** He/Kaiming: U[−b, b] with b = sqrt(6 / fan_in) (or fan_out), so Var(W) = 2 / fan_in. */
export function heUniform(mode: Exclude<FanMode, "fan_avg"> = "fan_in"): Initializer {
  checkHeMode("heUniform", mode);
  return varianceScaling({ scale: 2, mode, distribution: "uniform" });
}

function checkHeMode(what: string, mode: string): void {
  if (mode !== "fan_in" && mode !== "fan_out") {
    throw new Error(`${what}: expected mode "fan_in" or "fan_out", got ${JSON.stringify(mode)}`);
  }
}

export interface NamedInitializer {
  name: string;
  init: Initializer;
  /** The variance the preset promises for a (fanIn, fanOut) layer: its formula, for tables and checks. */
  variance: (fanIn: number, fanOut: number) => number;
  /** The formula in words. */
  formula: string;
}

/** The initializers the notebooks compare, in the order they are shown. */
export function standardInitializers(): NamedInitializer[] {
  return [
    fixed("naive N(0,1)", 1, "1"),
    fixed("small N(0,0.01²)", 0.01, "0.01²"),
    scaled("LeCun", LECUN_NORMAL, "1/fan_in"),
    scaled("Xavier", XAVIER_NORMAL, "2/(fan_in+fan_out)"),
    scaled("He", HE_NORMAL, "2/fan_in"),
  ];
}

function fixed(name: string, std: number, formula: string): NamedInitializer {
  return { name, init: fixedNormal(std), variance: () => std * std, formula };
}

function scaled(name: string, options: Readonly<VarianceScalingOptions>, formula: string): NamedInitializer {
  return { name, init: varianceScaling(options), variance: (n, m) => varianceScalingVariance(options, n, m), formula };
}

/** One of standardInitializers() by name; an unknown name lists the known ones. */
export function standardInitializer(name: string): NamedInitializer {
  const all = standardInitializers();
  const found = all.find((p) => p.name === name);
  if (!found) throw new Error(`unknown initializer ${JSON.stringify(name)}: expected one of ${all.map((p) => JSON.stringify(p.name)).join(", ")}`);
  return found;
}
