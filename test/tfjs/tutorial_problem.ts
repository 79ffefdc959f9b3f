// Shared by the tfjs tests: the tutorial's shapes with He-scaled weights (std sqrt(2/fan_in)) and lr 1e-4, where the
// loss falls steadily, so float32 and float64 runs stay comparable step by step. Every value is rounded to float32
// first, so the lib (float64) and tfjs (float32) start from identical numbers.

import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { ThreeLayerWeights, TUTORIAL } from "../../lib/nn/three_layer_net";
import { roundToFloat32 } from "../../lib/tfjs/convert";

export interface TutorialProblem {
  x: Matrix;
  y: Matrix;
  weights: ThreeLayerWeights;
  learningRate: number;
}

export function tutorialProblem(seed: number): TutorialProblem {
  const rng = new Rng(seed);
  const { batchSize: n, inputDim: d, hidden1: h1, hidden2: h2, outputDim: k } = TUTORIAL;
  return {
    x: roundToFloat32(rng.randn(n, d)),
    y: roundToFloat32(rng.randn(n, k)),
    weights: {
      w1: roundToFloat32(rng.randn(d, h1, Math.sqrt(2 / d))),
      w2: roundToFloat32(rng.randn(h1, h2, Math.sqrt(2 / h1))),
      w3: roundToFloat32(rng.randn(h2, k, Math.sqrt(2 / h2))),
    },
    learningRate: 1e-4,
  };
}

export function cloneWeights(w: ThreeLayerWeights): ThreeLayerWeights {
  return { w1: w.w1.clone(), w2: w.w2.clone(), w3: w.w3.clone() };
}

/** Scale-aware relative error: max |a − b| over max |b|, so tiny entries of a large matrix are not over-weighted. */
export function scaledMaxError(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`scaledMaxError: shapes (${a.rows},${a.cols}) and (${b.rows},${b.cols}) differ`);
  let diff = 0;
  let scale = 0;
  for (let k = 0; k < a.data.length; k++) {
    diff = Math.max(diff, Math.abs(a.data[k] - b.data[k]));
    scale = Math.max(scale, Math.abs(b.data[k]));
  }
  return diff / scale;
}

/** The largest |a[t] − b[t]| / |b[t]| over two loss trajectories of the same length. */
export function maxTrajectoryError(a: number[], b: number[]): number {
  if (a.length !== b.length) throw new Error(`maxTrajectoryError: ${a.length} vs ${b.length} steps`);
  return Math.max(...a.map((v, t) => Math.abs(v - b[t]) / Math.abs(b[t])));
}

// float32 has a 24-bit significand (relative spacing 6e-8); sums over ~1000 terms and 20 steps of feedback grow that
// to ~1e-6–1e-5. These bounds sit well above that and far below any real mistake (a missing factor 2 gives 0.5).
export const GRADIENT_TOLERANCE = 1e-5;
export const TRAJECTORY_TOLERANCE = 1e-4;
