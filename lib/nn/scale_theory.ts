// What the variance argument predicts for the scale of each layer at initialization, in the wide-layer limit.
// Weights are zero-mean with std σ_l, independent of the inputs; a₀ = x.
//   h_l = a_{l−1} · W_l   =>   Var(h_l) = n_{l−1} · σ_l² · E[a_{l−1}²]       (n_{l−1} = fan-in of layer l)
// ReLU keeps the positive half of a symmetric h: E[a²] = Var(h)/2 and E[a] = std(h)/√(2π),
//   so std(a) = std(h) · √(1/2 − 1/(2π)) ≈ 0.584 · std(h).
// Hence under ReLU each layer after the first multiplies the scale by √(n·σ²/2): by √(fan_in/2) for σ = 1,
// and by √(1/2) ≈ 0.707 for σ = 1/√fan_in.

import { expectFiniteNumber, expectPositiveInteger } from "../engine/checks";

export interface ScalePrediction {
  /** Predicted std of h_l for every weight layer (the last entry is the output). */
  preActivationStd: number[];
  /** Predicted std of a_l for every hidden layer. */
  activationStd: number[];
  outputStd: number;
}

export const RELU_STD_OVER_PRE_STD = Math.sqrt(0.5 - 1 / (2 * Math.PI));

/** ReLU network (last layer linear); inputMeanSquare = E[x²] (1 for standard-normal inputs). */
export function reluScaleTheory(sizes: readonly number[], weightStd: number | readonly number[], inputMeanSquare = 1): ScalePrediction {
  const stds = perLayer("reluScaleTheory", sizes, weightStd);
  const pre: number[] = [];
  let meanSquare = inputMeanSquare; // E[a_{l−1}²]
  for (let l = 0; l < stds.length; l++) {
    const variance = sizes[l] * stds[l] * stds[l] * meanSquare;
    pre.push(Math.sqrt(variance));
    meanSquare = variance / 2;
  }
  return { preActivationStd: pre, activationStd: pre.slice(0, -1).map((s) => s * RELU_STD_OVER_PRE_STD), outputStd: pre[pre.length - 1] };
}

/** An activation that acts like the identity near 0 (tanh with small weights): std(a_l) ≈ std(h_l) = σ_l·√n_{l−1}·std(a_{l−1}). */
export function linearScaleTheory(sizes: readonly number[], weightStd: number | readonly number[], inputStd = 1): ScalePrediction {
  const stds = perLayer("linearScaleTheory", sizes, weightStd);
  const pre: number[] = [];
  let s = inputStd;
  for (let l = 0; l < stds.length; l++) {
    s *= stds[l] * Math.sqrt(sizes[l]);
    pre.push(s);
  }
  return { preActivationStd: pre, activationStd: pre.slice(0, -1), outputStd: pre[pre.length - 1] };
}

/**
 * Expected Σ (yPred − y)² over a (batch, outDim) output when prediction and target are independent and zero-mean:
 * batch · outDim · (Var(yPred) + E[y²]).
 */
export function expectedSumOfSquaresLoss(batch: number, outDim: number, predictionStd: number, targetMeanSquare = 1): number {
  expectPositiveInteger("expectedSumOfSquaresLoss", "batch", batch);
  expectPositiveInteger("expectedSumOfSquaresLoss", "outDim", outDim);
  expectFiniteNumber("expectedSumOfSquaresLoss", "predictionStd", predictionStd);
  expectFiniteNumber("expectedSumOfSquaresLoss", "targetMeanSquare", targetMeanSquare);
  return batch * outDim * (predictionStd * predictionStd + targetMeanSquare);
}

function perLayer(what: string, sizes: readonly number[], weightStd: number | readonly number[]): number[] {
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`${what}: expected at least 2 positive integer sizes, got [${Array.isArray(sizes) ? sizes.join(", ") : String(sizes)}]`);
  }
  const layers = sizes.length - 1;
  const stds = typeof weightStd === "number" ? new Array<number>(layers).fill(weightStd) : [...weightStd];
  if (stds.length !== layers) throw new Error(`${what}: expected ${layers} weight stds (one per layer), got ${stds.length}`);
  stds.forEach((s) => {
    if (!Number.isFinite(s) || s < 0) throw new Error(`${what}: expected non-negative finite weight stds, got ${s}`);
  });
  return stds;
}
