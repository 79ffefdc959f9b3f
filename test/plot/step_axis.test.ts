import { test } from "node:test";
import assert from "node:assert/strict";
import { stepAxis } from "../../lib/plot/step_axis";

test("stepAxis numbers the recorded steps from 0, or from 1 for a log axis", () => {
  assert.deepEqual(stepAxis(4), [0, 1, 2, 3]);
  assert.deepEqual(stepAxis(3, 1), [1, 2, 3]);
  assert.deepEqual(stepAxis(0), []);
  assert.throws(() => stepAxis(2.5), /non-negative integer count, got 2.5/);
  assert.throws(() => stepAxis(3, NaN), /finite first step, got NaN/);
});
