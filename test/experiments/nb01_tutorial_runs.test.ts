// What notebook 01 says about the original recipe, asserted on the same seeded runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TUTORIAL } from "../../lib/nn/three_layer_net";
import { Rng } from "../../lib/engine/random";
import { gradientCheck } from "../../lib/train/gradient_check";
import { REFERENCE_EFFECTIVE_LEARNING_RATE, runTutorialSeed, surveyTutorialSeeds, tutorialProblem } from "../../lib/experiments/nb01_tutorial_runs";

const seeds = Array.from({ length: 20 }, (_, i) => i);

test("at the original's step size, 14 of 20 seeds die and 6 overflow; none learns", () => {
  const survey = surveyTutorialSeeds(seeds, REFERENCE_EFFECTIVE_LEARNING_RATE, 12);
  assert.deepEqual([survey.dead, survey.overflow, survey.alive], [14, 6, 0]);
  for (const r of survey.runs) {
    assert.ok(r.initialLoss > 3.2e9 / 2 && r.initialLoss < 3.2e9 * 2, `seed ${r.seed}: initial loss ${r.initialLoss}`);
    if (r.outcome === "dead") assert.equal(r.finalLoss, r.sumOfSquaredTargets);
  }
});

test("with the true gradient at the nominal lr 1e-6, all 20 seeds die", () => {
  const survey = surveyTutorialSeeds(seeds, TUTORIAL.learningRate, 12);
  assert.deepEqual([survey.dead, survey.overflow, survey.alive], [20, 0, 0]);
});

test("seed 0 dies at step 5 and stays frozen at exactly Σy²; seed 2 overflows at step 6", () => {
  const dead = runTutorialSeed(0, REFERENCE_EFFECTIVE_LEARNING_RATE, 60);
  assert.equal(dead.outcome, "dead");
  assert.equal(dead.diedAtStep, 5);
  assert.ok(dead.history.loss.slice(5).every((l) => l === dead.sumOfSquaredTargets));
  assert.ok(dead.history.loss[1] > 1e15, `the first update blows the loss up: ${dead.history.loss[1]}`);
  assert.ok(dead.history.stalledFraction.every((d) => d[0] === 0), "the first hidden layer keeps live units");
  const over = runTutorialSeed(2, REFERENCE_EFFECTIVE_LEARNING_RATE, 60);
  assert.equal(over.outcome, "overflow");
  assert.equal(over.divergedAtStep, 6);
  assert.equal(over.history.loss.length, 7);
});

test("the scale argument: E[h²] grows by about fan_in/2 per ReLU layer at std-normal init", () => {
  const { x, y, net } = tutorialProblem(0);
  const c = net.forward(x);
  const meanSquare = (d: Float64Array) => d.reduce((s, v) => s + v * v, 0) / d.length;
  // Predicted 1000, 5e4, 2.5e6; one draw scatters, so allow a factor 1.5 either way.
  const within = (v: number, p: number) => v > p / 1.5 && v < p * 1.5;
  assert.ok(within(meanSquare(c.h1.data), 1000), `h1 ${meanSquare(c.h1.data)}`);
  assert.ok(within(meanSquare(c.h2.data), 5e4), `h2 ${meanSquare(c.h2.data)}`);
  assert.ok(within(meanSquare(c.yPred.data), 2.5e6), `yPred ${meanSquare(c.yPred.data)}`);
  assert.ok(within(net.loss(x, y), 3.2e9));
});

test("notebook 01's gradient checks: the full-size net (N(0, 0.05²), ε = 1e-5) agrees to < 1e-5 on any sample of entries", () => {
  const { x, y, net } = tutorialProblem(3, 0.05);
  for (const sampleSeed of [1, 2, 3, 4, 5]) {
    const report = gradientCheck(net, x, y, { maxEntriesPerParam: 20, rng: new Rng(sampleSeed), epsilon: 1e-5 });
    for (const r of report) assert.ok(r.maxRelativeError < 1e-5, `sample ${sampleSeed}, ${r.name}: ${r.maxRelativeError}`);
  }
});
