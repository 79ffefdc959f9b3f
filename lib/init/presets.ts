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
  /** The variance the preset promises for a (fanIn, fanOut) layer: its formula, for tables and checks. */
  variance: (fanIn: number, fanOut: number) => number;
  /** The formula in words. */
  formula: string;
}

/** The initializers the notebooks compare, in the order they are shown. */
export function standardInitializers(): NamedInitializer[] {
  return [
    { name: "naive N(0,1)", init: naiveNormal(), variance: () => 1, formula: "1" },
    { name: "small N(0,0.01²)", init: smallNormal(0.01), variance: () => 1e-4, formula: "0.01²" },
    { name: "LeCun", init: lecunNormal(), variance: (n) => 1 / n, formula: "1/fan_in" },
    { name: "Xavier", init: xavierNormal(), variance: (n, m) => 2 / (n + m), formula: "2/(fan_in+fan_out)" },
    { name: "He", init: heNormal(), variance: (n) => 2 / n, formula: "2/fan_in" },
  ];
}

/** One of standardInitializers() by name; an unknown name lists the known ones. */
export function standardInitializer(name: string): NamedInitializer {
  const all = standardInitializers();
  const found = all.find((p) => p.name === name);
  if (!found) throw new Error(`unknown initializer ${JSON.stringify(name)}: expected one of ${all.map((p) => JSON.stringify(p.name)).join(", ")}`);
  return found;
}
