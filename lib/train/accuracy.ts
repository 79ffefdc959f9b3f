// Classification accuracy: the fraction of rows whose largest score is at the true class.

import { Matrix, assertFinite } from "../engine/matrix";
import { expectArrayLike, expectMatrix } from "../engine/checks";

// scores is (N, C)  ->  N class indices, the first maximum on ties
// Non-finite scores (a diverged network) are an error, not a silent guess.
export function predictClasses(scores: Matrix): number[] {
  assertFinite("predictClasses: scores", scores);
  const out: number[] = [];
  for (let i = 0; i < scores.rows; i++) {
    let best = 0;
    for (let j = 1; j < scores.cols; j++) if (scores.get(i, j) > scores.get(i, best)) best = j;
    out.push(best);
  }
  return out;
}

// scores is (N, C), labels has N entries in 0..C−1  ->  a fraction in [0, 1]
export function accuracy(scores: Matrix, labels: ArrayLike<number>): number {
  expectMatrix("accuracy", "scores", scores);
  expectArrayLike("accuracy", "labels", labels);
  if (labels.length !== scores.rows) {
    throw new Error(`accuracy: expected ${scores.rows} labels (one per row of scores), got ${labels.length}`);
  }
  const predicted = predictClasses(scores);
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!Number.isInteger(l) || l < 0 || l >= scores.cols) {
      throw new Error(`accuracy: expected labels in 0..${scores.cols - 1}, got ${l} at position ${i}`);
    }
    if (predicted[i] === l) right++;
  }
  return right / labels.length;
}
