import { test } from "node:test";
import assert from "node:assert/strict";
import { REFERENCE_EFFECTIVE_LEARNING_RATE, runTutorialSeed, surveyTutorialSeeds } from "../../lib/experiments/nb01_tutorial_runs";
import { SURVEY_HEADERS, deadUnitsFigure, fateStep, recipeLossFigure, surveyFigure, surveyRows } from "../../lib/experiments/nb01_figures";

const lr = REFERENCE_EFFECTIVE_LEARNING_RATE;
// Notebook 01's pair: seed 0 dies at step 5, seed 2 overflows at step 6 (20 steps are enough for both fates).
const dead = runTutorialSeed(0, lr, 20);
const overflow = runTutorialSeed(2, lr, 20);

test("recipeLossFigure marks the overflow where the loss left the axis and the death where it froze, reasons on hover", () => {
  assert.equal(fateStep(dead), 5);
  assert.equal(fateStep(overflow), 6);
  const fig = recipeLossFigure([dead, overflow], "t");
  const names = fig.data.map((t) => t.name);
  assert.deepEqual(names, ["seed 0: dies, flat at Σy² from step 5", "seed 2: overflows to Infinity at step 6", "seed 0: Σy², the loss of predicting 0",
    "✕ overflowed to Infinity", "○ network died (no gradient left)"]);
  const over = fig.data[3];
  // x is step + 1; the ✕ sits at the last finite loss (step 5), the loss at step 6 is Infinity and has no place on the axis.
  assert.deepEqual(over.x, [7]);
  assert.equal(overflow.history.loss[6], Infinity);
  assert.deepEqual(over.y, [overflow.history.loss[5]]);
  assert.match(String((over.hovertext as string[])[0]), /^seed 2: overflows to Infinity at step 6: loss became Infinity at step 6 .*training stopped there$/);
  const died = fig.data[4];
  assert.deepEqual([died.x, died.y], [[6], [dead.sumOfSquaredTargets]]);
  assert.match(String((died.hovertext as string[])[0]), /all 128 samples from step 5: prediction 0, loss frozen at Σy² = 1248/);
  assert.deepEqual(fig.data[1].y!.slice(-1), [null]);
});

test("deadUnitsFigure draws hidden layer 1 (0 in both runs) once, and says where and why seed 2's lines end", () => {
  const fig = deadUnitsFigure([dead, overflow], 15);
  assert.deepEqual(fig.data.map((t) => t.name), ["seeds 0 and 2, hidden layer 1: 0 throughout, in every run", "seed 0, hidden layer 2", "seed 2, hidden layer 2",
    "○ network died (no gradient left)", "■ run stopped early"]);
  assert.equal(fig.data[0].x!.length, 15);
  assert.deepEqual(fig.data[1].y!.slice(0, 3), [0, 0.55, 0.98]);
  assert.equal(fig.data[2].y!.length, 7);
  const [deadMark, stopped] = [fig.data[3], fig.data[4]];
  assert.deepEqual([deadMark.x, deadMark.y], [[5], [1]]);
  assert.deepEqual([stopped.x, stopped.y], [[6], [0.98]]);
  assert.match(String((stopped.hovertext as string[])[0]), /^seed 2, hidden layer 2: the loss became Infinity at step 6: training stopped, there are no later steps$/);
  assert.throws(() => deadUnitsFigure([], 15), /at least one run/);
  assert.throws(() => deadUnitsFigure([dead], 0), /positive number of steps, got 0/);
});

test("surveyRows folds the seed table into one row per outcome; surveyFigure places each seed at its fate's step", () => {
  const survey = surveyTutorialSeeds([0, 1, 2, 3, 4, 5], lr, 12);
  const rows = surveyRows(survey.runs);
  assert.equal(rows[0].length, SURVEY_HEADERS.length);
  assert.deepEqual(rows.map((r) => r.slice(0, 4)), [["dead", "0, 1, 3, 4", 4, "3–5"], ["overflow", "2, 5", 2, "5–6"]]);
  assert.equal(rows[0][5], "Σy², exactly");
  assert.equal(rows[1][5], "Infinity");
  const fig = surveyFigure(survey.runs, "seeds");
  assert.deepEqual(fig.data.map((t) => t.name), ["dies (hidden layer 2 all off): 4 seeds", "overflows to Infinity: 2 seeds"]);
  assert.deepEqual(fig.data[1].x, [6, 5]);
  assert.deepEqual(fig.data[1].text, ["2", "5"]);
  assert.deepEqual(fig.data[0].y, [0, 1, 3, 4].map((s) => survey.runs[s].initialLoss));
  assert.throws(() => surveyFigure([], "x"), /at least one run/);
});
