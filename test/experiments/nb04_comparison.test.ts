import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { setupTfjs } from "../../lib/tfjs/setup";
import { compareImplementations } from "../../lib/experiments/nb04_comparison";
import { implementationsFigure } from "../../lib/experiments/nb04_figures";
import { TRAJECTORY_TOLERANCE, maxTrajectoryError, tutorialProblem } from "../tfjs/tutorial_problem";

test("all four implementations end at the same loss; the table's code counts come from the files", async () => {
  await setupTfjs();
  const p = tutorialProblem(61);
  const before = tf.memory().numTensors;
  const rows = compareImplementations({ weights: p.weights, x: p.x, y: p.y, learningRate: p.learningRate, steps: 8 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(rows.length, 4);
  const lib = rows[0];
  assert.ok(lib.finalLoss < lib.loss[0] / 5);
  for (const r of rows) {
    assert.equal(r.loss.length, 9, `${r.variant}: 8 losses before steps and 1 after`);
    assert.ok(maxTrajectoryError(r.loss, lib.loss) < TRAJECTORY_TOLERANCE, `${r.variant}: ${maxTrajectoryError(r.loss, lib.loss)}`);
    assert.ok(r.msPerStep > 0 && Number.isFinite(r.msPerStep));
    assert.ok(Number.isInteger(r.linesOfCode) && r.linesOfCode > 10);
  }
  // The inputs are not modified.
  assert.deepEqual(tutorialProblem(61).weights.w1.data, p.weights.w1.data);
  const fig = implementationsFigure(rows);
  assert.equal(fig.data.length, 4);
  assert.equal(fig.layout.yaxis.type, "log");
});
