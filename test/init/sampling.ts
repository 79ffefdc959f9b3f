// Sampling statistics the initializer tests share.
//
// For n independent draws with variance σ² and fourth central moment μ4, the sample variance s² has
//   Var(s²) ≈ (μ4 − σ⁴) / n.
// A normal has μ4 = 3σ⁴, so sd(s²)/σ² = sqrt(2/n). A uniform (μ4 = 1.8σ⁴) and a normal cut at ±2σ
// (μ4 ≈ 2.4σ⁴) have lighter tails, so sqrt(2/n) bounds all our distributions. We allow 5 of those
// standard deviations: a correct initializer fails with probability below 1e-6, while with n = 120 000 the
// allowance is ±2.0%, far below the 14% between fan_in = 400 and fan_avg = 350.

import { Matrix } from "../../lib/engine/matrix";

export function varianceBound(n: number): number {
  return 5 * Math.sqrt(2 / n);
}

export function sampleMoments(w: Matrix): { mean: number; variance: number } {
  let s = 0;
  for (const v of w.data) s += v;
  const mean = s / w.size;
  let ss = 0;
  for (const v of w.data) ss += (v - mean) * (v - mean);
  return { mean, variance: ss / w.size };
}
