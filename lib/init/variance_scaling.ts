// The one initializer behind every preset: draw W (fanIn, fanOut) with Var(W) = scale / n, where
//   n = fanIn                 (mode "fan_in":  keeps the forward signal's variance),
//   n = fanOut                (mode "fan_out": keeps the backward gradient's variance),
//   n = (fanIn + fanOut) / 2  (mode "fan_avg": Glorot's compromise between the two).
// Distributions, all with mean 0 and exactly that variance:
//   "normal":           N(0, scale/n);
//   "truncated_normal": a normal cut at ±2 of its own std (draws outside are redrawn), with its std first divided by
//                       TRUNCATED_STD_RATIO so that the variance *after* the cut is scale/n. This is Keras's convention;
//                       tfjs 4.x skips the division, so its truncated draws have only ≈0.774× the nominal variance.
//   "uniform":          U[−limit, limit] with limit = sqrt(3·scale/n), since Var(U[−a, a]) = a²/3.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { Initializer } from "./initializer";

export const FAN_MODES = ["fan_in", "fan_out", "fan_avg"] as const;
export const DISTRIBUTIONS = ["normal", "truncated_normal", "uniform"] as const;
export type FanMode = (typeof FAN_MODES)[number];
export type Distribution = (typeof DISTRIBUTIONS)[number];

export interface VarianceScalingOptions {
  /** The variance is scale / n: 1 for LeCun and Glorot, 2 for He (ReLU zeroes half the signal). */
  scale: number;
  mode: FanMode;
  distribution: Distribution;
}

/**
 * The std of N(0, 1) restricted to [−2, 2]: sqrt(1 − 4φ(2) / (Φ(2) − Φ(−2))) = sqrt(1 − 0.215964/0.954500).
 * test/init/variance_scaling.test.ts recomputes it by numerical integration.
 */
export const TRUNCATED_STD_RATIO = 0.87962566103423978;

/** Var(W) = scale / n for the given fans; checks its arguments. */
export function varianceScalingVariance(options: VarianceScalingOptions, fanIn: number, fanOut: number): number {
  checkOptions(options);
  checkFans("varianceScaling", fanIn, fanOut);
  const n = options.mode === "fan_in" ? fanIn : options.mode === "fan_out" ? fanOut : (fanIn + fanOut) / 2;
  return options.scale / n;
}

export function varianceScaling(options: VarianceScalingOptions): Initializer {
  checkOptions(options);
  const { distribution } = options;
  return (fanIn: number, fanOut: number, rng: Rng): Matrix => {
    const variance = varianceScalingVariance(options, fanIn, fanOut);
    checkRng("varianceScaling", rng);
    const std = Math.sqrt(variance);
    if (distribution === "normal") return rng.randn(fanIn, fanOut, std);
    if (distribution === "uniform") {
      const limit = Math.sqrt(3 * variance);
      return rng.rand(fanIn, fanOut, -limit, limit);
    }
    return truncatedNormal(rng, fanIn, fanOut, std / TRUNCATED_STD_RATIO);
  };
}

/** Entries N(0, std²) whatever the fans: the tutorial's std-normal draw (std 1) and the "small" draw (std 0.01). */
export function fixedNormal(std: number): Initializer {
  if (typeof std !== "number" || !Number.isFinite(std) || std <= 0) {
    throw new Error(`fixedNormal: expected a positive finite std, got ${std}`);
  }
  return (fanIn: number, fanOut: number, rng: Rng): Matrix => {
    checkFans("fixedNormal", fanIn, fanOut);
    checkRng("fixedNormal", rng);
    return rng.randn(fanIn, fanOut, std);
  };
}

// (rows, cols) draws from N(0, sigma²) restricted to [−2σ, 2σ], by redrawing the ≈4.6% that fall outside.
function truncatedNormal(rng: Rng, rows: number, cols: number, sigma: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) {
    let z = rng.normal();
    while (z < -2 || z > 2) z = rng.normal();
    m.data[k] = sigma * z;
  }
  return m;
}

function checkOptions(options: VarianceScalingOptions): void {
  if (options === null || typeof options !== "object") {
    throw new Error(`varianceScaling: expected options {scale, mode, distribution}, got ${String(options)}`);
  }
  const { scale, mode, distribution } = options;
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0) {
    throw new Error(`varianceScaling: expected a positive finite scale, got ${String(scale)}`);
  }
  if (!(FAN_MODES as readonly string[]).includes(mode)) {
    throw new Error(`varianceScaling: expected mode to be one of ${FAN_MODES.join(", ")}, got ${JSON.stringify(mode)}`);
  }
  if (!(DISTRIBUTIONS as readonly string[]).includes(distribution)) {
    throw new Error(
      `varianceScaling: expected distribution to be one of ${DISTRIBUTIONS.join(", ")}, got ${JSON.stringify(distribution)}`,
    );
  }
}

export function checkFans(what: string, fanIn: number, fanOut: number): void {
  if (!Number.isInteger(fanIn) || !Number.isInteger(fanOut) || fanIn < 1 || fanOut < 1) {
    throw new Error(`${what}: expected positive integer fans (fanIn, fanOut), got (${fanIn},${fanOut})`);
  }
}

function checkRng(what: string, rng: Rng): void {
  if (!(rng instanceof Rng)) throw new Error(`${what}: expected an Rng (lib/engine/random.ts) as the third argument, got ${typeof rng}`);
}
