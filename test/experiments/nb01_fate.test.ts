import { test } from "node:test";
import assert from "node:assert/strict";
import { HE_STDS, XAVIER_STDS, runToFate, tutorialProblemWithStds } from "../../lib/experiments/nb01_fate";
import { topDirectionShare } from "../../lib/experiments/nb01_layer2_mechanism";
import { fateSummary, seedSurvey } from "../../lib/experiments/nb01_seed_survey";
import { Matrix } from "../../lib/engine/matrix";
import { ThreeLayerNet } from "../../lib/nn/three_layer_net";


test("Xavier and He per-layer stds of the tutorial's 1000-100-100-10 net", () => {
  assert.deepEqual(HE_STDS, [Math.sqrt(2 / 1000), Math.sqrt(2 / 100), Math.sqrt(2 / 100)]);
  assert.deepEqual(XAVIER_STDS, [Math.sqrt(2 / 1100), Math.sqrt(2 / 200), Math.sqrt(2 / 110)]);
});

test("runToFate: an all-zero net is dead at step 0 with loss exactly Σy²", () => {
  const y = Matrix.from([[1, 2], [3, -1]]);
  const x = Matrix.filled(2, 6, 0.5);
  const net = new ThreeLayerNet({ w1: Matrix.zeros(6, 4), w2: Matrix.zeros(4, 3), w3: Matrix.zeros(3, 2) });
  const r = runToFate(net, x, y, 0.1, 5);
  assert.equal(r.fate, "dies");
  assert.equal(r.atStep, 0);
  assert.equal(r.finalLoss, 15);
  assert.equal(r.sumOfSquaredTargets, 15);
});

test("runToFate and tutorialProblemWithStds reject bad input, naming what came", () => {
  const { x, y, net } = tutorialProblemWithStds(0, [0.01, 0.01, 0.01]);
  assert.throws(() => runToFate(net, x, y, -1, 3), /positive finite learning rate, got -1/);
  assert.throws(() => runToFate(net, x, y, 1e-3, 0), /positive integer number of steps, got 0/);
  assert.throws(() => tutorialProblemWithStds(0, [1, -1, 1] as [number, number, number]), /three finite stds ≥ 0, got \[1, -1, 1\]/);
  assert.throws(() => seedSurvey(1e-6, 0), /positive integer number of seeds, got 0/);
});

test("topDirectionShare: 1 for a rank-one matrix, 1/n for the identity", () => {
  const rankOne = Matrix.from([[1, 2, 3], [2, 4, 6], [-1, -2, -3]]);
  assert.ok(Math.abs(topDirectionShare(rankOne) - 1) < 1e-12);
  const eye = Matrix.from([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]);
  assert.ok(Math.abs(topDirectionShare(eye) - 0.25) < 1e-12);
});

test("fateSummary prints fraction ± standard error and the count", () => {
  const s = { learningRate: 1, steps: 1, seeds: 200, diedAtStepCounts: [],
    fractions: [{ fate: "dies" as const, count: 178, fraction: 0.89, standardError: Math.sqrt(0.89 * 0.11 / 200) }] };
  assert.equal(fateSummary(s, "dies"), "dies 0.890 ± 0.022 (178/200)");
  assert.equal(fateSummary(s, "learns"), "learns 0 of 200");
});
