// How far a float32 result is from a float64 one, measured so that the size of the numbers does not matter.
// float32 keeps 24 bits (relative spacing 6e-8); sums over ~1000 terms and 20 steps of feedback grow that to
// ~1e-6–1e-5 (the tests' tolerances are in test/tfjs/tutorial_problem.ts).

import { Matrix, shapeString } from "../engine/matrix";
import { expectArrayLike, expectMatrix } from "../engine/checks";

/** max |a − b| / max |b| over all entries: relative to the matrix's scale, so tiny entries are not over-weighted. */
export function scaledMaxError(a: Matrix, b: Matrix): number {
  expectMatrix("scaledMaxError", "a", a);
  expectMatrix("scaledMaxError", "b", b);
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`scaledMaxError: shapes ${shapeString(a)} and ${shapeString(b)} differ`);
  }
  let diff = 0;
  let scale = 0;
  for (let k = 0; k < a.data.length; k++) {
    diff = Math.max(diff, Math.abs(a.data[k] - b.data[k]));
    scale = Math.max(scale, Math.abs(b.data[k]));
  }
  return scale === 0 ? diff : diff / scale;
}

/** The largest |a[t] − b[t]| / |b[t]| over two loss trajectories of the same length. */
export function maxTrajectoryError(a: number[], b: number[]): number {
  expectArrayLike("maxTrajectoryError", "a", a);
  expectArrayLike("maxTrajectoryError", "b", b);
  if (a.length !== b.length) throw new Error(`maxTrajectoryError: trajectories of ${a.length} and ${b.length} steps`);
  return Math.max(...a.map((v, t) => Math.abs(v - b[t]) / Math.abs(b[t])));
}
