// Notebook 02's scale sweep: the same 10-layer tanh and ReLU nets at a range of weight scales, every weight
// N(0, (gain/√fan_in)²). Each setting is one forward/backward pass; the slider figures of nb02_figures.ts show them
// one setting at a time. Every setting rescales one draw of weights, so only the scale differs between steps. Log-histogram edges are fixed over the sweep, so every step bins on the same axis.

import { scale } from "../engine/elementwise";
import { lecunNormal } from "../init/presets";
import { sumOfSquaredErrors } from "../nn/sum_of_squares_loss";
import { Mlp } from "../nn/mlp";
import { ActivationName } from "../nn/activation";
import { ScalePrediction, linearScaleTheory, reluScaleTheory } from "../nn/scale_theory";
import { logEdges } from "../train/log_histogram";
import { NetworkStatistics, layerStatistics } from "../train/statistics";
import { deepSizes, probeProblem } from "./nb02_init_probe";
import { checkArray, checkOptions, expectArrayLike, expectFiniteNumber } from "../engine/checks";

/** The sweep's nets: notebook 02's 10 × 500 shape on a smaller batch (statistics of 32 × 500 values per layer). */
export const SCALE_SWEEP = {
  /** gain = std(W)·√fan_in. 1 keeps a linear (or tanh near 0) layer's spread; √2 is He's, for ReLU. */
  gains: [0.25, 0.5, 0.75, 1, 1.25, Math.SQRT2, 2, 3],
  activations: ["tanh", "relu"] as ActivationName[],
  hiddenLayers: 10,
  width: 500,
  batchSize: 32,
  seed: 1,
  /** Quarter decades from 10⁻¹² to 10⁵: every layer of every setting on one axis (what falls outside is counted). */
  logDecades: [-12, 5] as [number, number],
} as const;

export interface ScaleSweepPoint {
  gain: number;
  activation: ActivationName;
  statistics: NetworkStatistics;
  /** The variance argument: exact in expectation for ReLU, the linear regime for tanh (valid for small gains). */
  theory: ScalePrediction;
}

export interface ScaleSweep {
  gains: number[];
  /** points[g][a]: gain gains[g], activation SCALE_SWEEP.activations[a]. */
  points: ScaleSweepPoint[][];
}

/** Called after each setting of the sweep (for a live progress line): `done` of `total` settings computed. */
export type OnSweepSetting = (done: number, total: number, point: ScaleSweepPoint) => void;

/** One statistics pass per gain and activation; the same data and seed for every setting. */
export function scaleSweep(gains: readonly number[] = SCALE_SWEEP.gains, activations: readonly ActivationName[] = SCALE_SWEEP.activations,
  onSetting?: OnSweepSetting): ScaleSweep {
  expectArrayLike("scaleSweep", "gains", gains);
  checkArray("scaleSweep", "activations", activations);
  if (gains.length === 0) throw new Error("scaleSweep: expected at least one gain, got none");
  if (onSetting !== undefined && typeof onSetting !== "function") throw new Error(`scaleSweep: expected onSetting to be a function, got ${typeof onSetting}`);
  for (const g of gains) {
    if (!(typeof g === "number" && Number.isFinite(g) && g > 0)) throw new Error(`scaleSweep: expected positive finite gains, got ${g}`);
  }
  const { hiddenLayers, width, batchSize, seed, logDecades } = SCALE_SWEEP;
  const sizes = deepSizes(hiddenLayers, width);
  const edges = logEdges(logDecades[0], logDecades[1]);
  // One draw Z of N(0, 1/fan_in) weights (and of x, y) for every setting: the gain only rescales it.
  const { net, x, y } = probeProblem({ sizes, activation: "relu", init: lecunNormal(), batchSize, seed });
  let done = 0;
  const points = gains.map((gain) =>
    activations.map((activation) => {
      const scaled = new Mlp(net.weights.map((w) => scale(w, gain)), activation, sumOfSquaredErrors);
      const statistics = layerStatistics(scaled, x, y, { activationLogEdges: edges, gradientLogEdges: edges });
      const stds = sizes.slice(0, -1).map((n) => gain / Math.sqrt(n));
      const theory = activation === "relu" ? reluScaleTheory(sizes, stds) : linearScaleTheory(sizes, stds);
      const point = { gain, activation, statistics, theory };
      onSetting?.(++done, gains.length * activations.length, point);
      return point;
    }),
  );
  return { gains: [...gains], points };
}

/** A gain as a slider label: "0.25", "1.41 (He)", "1 (LeCun)". */
export function gainLabel(gain: number): string {
  expectFiniteNumber("gainLabel", "gain", gain);
  if (Math.abs(gain - Math.SQRT2) < 1e-12) return "√2 (He)";
  if (gain === 1) return "1 (LeCun)";
  return String(Number(gain.toPrecision(3)));
}

export interface SteadiestGain {
  gain: number;
  /** Layer 10's activation std over layer 1's, and layer 1's gradient std over layer 10's, at that gain. */
  activationRatio: number;
  gradientRatio: number;
}

/** The gain of the sweep at which both spreads change least from the first to the last hidden layer (in log terms). */
export function steadiestGain(sweep: ScaleSweep, activation: ActivationName): SteadiestGain {
  checkOptions("steadiestGain", "sweep (from scaleSweep)", sweep);
  let best: SteadiestGain | null = null;
  let bestDrift = Infinity;
  sweep.points.forEach((row, g) => {
    const p = row.find((q) => q.activation === activation);
    if (p === undefined) throw new Error(`steadiestGain: the sweep has no ${activation} net; it has ${row.map((q) => q.activation).join(", ")}`);
    const h = p.statistics.hidden;
    const activationRatio = h[h.length - 1].activationStd / h[0].activationStd;
    const gradientRatio = h[0].backpropGradientStd / h[h.length - 1].backpropGradientStd;
    const drift = Math.max(Math.abs(Math.log(activationRatio)), Math.abs(Math.log(gradientRatio)));
    if (drift < bestDrift) {
      bestDrift = drift;
      best = { gain: sweep.gains[g], activationRatio, gradientRatio };
    }
  });
  return best!;
}
