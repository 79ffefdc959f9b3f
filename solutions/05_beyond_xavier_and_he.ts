// Reference solutions to notebook 05's exercises (issue 16). Spoilers: the notebooks never import this file.

import { Matrix } from "../lib/engine/matrix";
import { BranchScaleChoice } from "../lib/exercises/nb05_exercises";

// 5.1 Glorot on 128 → 128: Var(W) = 2/(128 + 128) = 1/128. The normal cut at ±2σ keeps 0.8796 of the std (not rescaled
// by tfjs). A ReLU layer multiplies the std by √(fan_in · Var(W) · ½) = 0.8796 · √(1/2).
export const tfDefaultFactor = 0.8796 * Math.sqrt(0.5);

// 5.2 Per column j: ĥ = (h − μ_j) / √(σ²_j + ε), with μ_j and σ²_j the batch mean and (biased) variance.
export function batchNormForward(h: Matrix): Matrix {
  const eps = 1e-5;
  const out = new Matrix(h.rows, h.cols);
  for (let j = 0; j < h.cols; j++) {
    let mu = 0;
    for (let i = 0; i < h.rows; i++) mu += h.get(i, j);
    mu /= h.rows;
    let variance = 0;
    for (let i = 0; i < h.rows; i++) variance += (h.get(i, j) - mu) ** 2;
    variance /= h.rows;
    for (let i = 0; i < h.rows; i++) out.set(i, j, (h.get(i, j) - mu) / Math.sqrt(variance + eps));
  }
  return out;
}

// 5.3 Each He branch adds about 2α² of the stream's variance per block: (1 + 2α²)^64 must stay near 1, so α ≲ 1/√64.
export const branchScaleChoice: BranchScaleChoice = {
  alpha: 1 / 8,
  why: "the variance grows by (1 + 2α²) per block; with α = 1/√blocks the 64 blocks add up to a factor of about e, not 3⁶⁴",
};
