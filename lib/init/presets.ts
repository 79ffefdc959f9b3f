// The named initializers of the course, each a one-line setting of varianceScaling (or a fixed std).
// Normal presets use the plain Gaussian of the papers; ask varianceScaling for "truncated_normal" to get Keras's default.

import { Initializer } from "./initializer";
import { FanMode, fixedNormal, varianceScaling } from "./variance_scaling";

/** The tutorial's draw: every weight N(0, 1), whatever the layer's size. */
export function naiveNormal(): Initializer {
  return fixedNormal(1);
}

/** N(0, std²) with a small fixed std (0.01 by default): the usual "small random numbers" recipe. */
export function smallNormal(std = 0.01): Initializer {
  return fixedNormal(std);
}

/** LeCun: Var(W) = 1 / fan_in. */
export function lecunNormal(): Initializer {
  return varianceScaling({ scale: 1, mode: "fan_in", distribution: "normal" });
}

/** Xavier/Glorot: Var(W) = 2 / (fan_in + fan_out), normal. */
export function xavierNormal(): Initializer {
  return varianceScaling({ scale: 1, mode: "fan_avg", distribution: "normal" });
}

/** Xavier/Glorot: U[−b, b] with b = sqrt(6 / (fan_in + fan_out)), so Var(W) = 2 / (fan_in + fan_out). */
export function xavierUniform(): Initializer {
  return varianceScaling({ scale: 1, mode: "fan_avg", distribution: "uniform" });
}

/** He/Kaiming: Var(W) = 2 / fan_in (or 2 / fan_out with mode "fan_out", to keep gradients instead), normal. */
export function heNormal(mode: Exclude<FanMode, "fan_avg"> = "fan_in"): Initializer {
  checkHeMode("heNormal", mode);
  return varianceScaling({ scale: 2, mode, distribution: "normal" });
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
}

/** The initializers the notebooks compare, in the order they are shown. */
export function standardInitializers(): NamedInitializer[] {
  return [
    { name: "naive N(0,1)", init: naiveNormal() },
    { name: "small N(0,0.01²)", init: smallNormal(0.01) },
    { name: "LeCun", init: lecunNormal() },
    { name: "Xavier", init: xavierNormal() },
    { name: "He", init: heNormal() },
  ];
}
