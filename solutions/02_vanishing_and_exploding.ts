// Reference solutions to notebook 02's exercises (issue 16). Spoilers: the notebooks never import this file.

import { Matrix } from "../lib/engine/matrix";
import { ChosenStd } from "../lib/exercises/nb02_exercises";

// 2.1 Near 0, tanh(h) ≈ h, so each layer multiplies the spread by σ·√fan_in = 0.01·√500 ≈ 0.224; the input has std 1.
export const tanhStdAfterTen = (0.01 * Math.sqrt(500)) ** 10;

// 2.2 A unit (a column) is dead when it is zero for every sample (every row).
export function deadFraction(a: Matrix): number {
  let dead = 0;
  for (let j = 0; j < a.cols; j++) {
    let alive = false;
    for (let i = 0; i < a.rows; i++) if (a.get(i, j) !== 0) alive = true;
    if (!alive) dead++;
  }
  return dead / a.cols;
}

// 2.3 σ·√500 = 1 keeps the spread per layer about constant while tanh is near-linear.
export const tanhStdChoice: ChosenStd = {
  std: 1 / Math.sqrt(500),
  why: "σ·√fan_in = 1, so each layer keeps the spread: no vanishing, and h stays mostly out of tanh's flat tails",
};
