import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { maxTrajectoryError, scaledMaxError } from "../../lib/experiments/nb04_float32_error";

test("scaledMaxError divides the largest difference by the largest reference value", () => {
  const ref = Matrix.from([[100, 1e-3], [-50, 0]]);
  const got = Matrix.from([[100.01, 2e-3], [-50, 0]]);
  assert.ok(Math.abs(scaledMaxError(got, ref) - 0.01 / 100) < 1e-15);
  assert.equal(scaledMaxError(ref, ref), 0);
  assert.throws(() => scaledMaxError(ref, Matrix.zeros(1, 2)), /shapes \(2,2\) and \(1,2\) differ/);
});

test("maxTrajectoryError is the worst per-step relative difference", () => {
  assert.ok(Math.abs(maxTrajectoryError([10, 5.5, 1], [10, 5, 1]) - 0.1) < 1e-15);
  assert.throws(() => maxTrajectoryError([1], [1, 2]), /trajectories of 1 and 2 steps/);
});
