// The findings notebook 02 states, asserted on the same seeded runs the notebook shows
// (lib/experiments/nb02_naive_init.ts defines them once for both).

import { test } from "node:test";
import assert from "node:assert/strict";
import { geometricMeanFactor } from "../../lib/experiments/nb02_init_probe";
import { DeepSetupName, deepStatistics, deepTheory, deepTraining, tutorialAtScale, tutorialTraining } from "../../lib/experiments/nb02_naive_init";
import { NetworkStatistics } from "../../lib/train/statistics";
import { ProbeTraining } from "../../lib/experiments/nb02_init_probe";
import { REFERENCE_EFFECTIVE_LEARNING_RATE } from "../../lib/experiments/nb01_tutorial_runs";

const within = (value: number, lo: number, hi: number, what: string) => assert.ok(value >= lo && value <= hi, `${what}: ${value} not in [${lo}, ${hi}]`);
const relClose = (value: number, target: number, tol: number, what: string) =>
  assert.ok(Math.abs(value / target - 1) <= tol, `${what}: ${value} vs ${target} (more than ${100 * tol}% apart)`);

function memo<T>(f: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= f());
}
const deep: Record<string, () => NetworkStatistics> = {};
const deepStats = (s: DeepSetupName) => (deep[s] ??= memo(() => deepStatistics(s)))();
const trainings: Record<string, () => ProbeTraining> = {};
const deepRun = (s: DeepSetupName) => (trainings[s] ??= memo(() => deepTraining(s)))();
const tutorialStd1 = memo(() => tutorialAtScale(1));
const tutorialSmall = memo(() => tutorialAtScale(0.01));
const gradStds = (s: NetworkStatistics) => s.hidden.map((h) => h.backpropGradientStd);
const actStds = (s: NetworkStatistics) => s.hidden.map((h) => h.activationStd);

// ---- the tutorial's net, N(0, 1) weights

test("tutorial net at std 1: the initial loss is within a factor 2 of 3.2e9 (measured ≈ 3.8e9)", () => {
  const t = tutorialStd1();
  relClose(t.expectedLoss, 3.2e9, 1e-3, "theory");
  within(t.statistics.loss / 3.2e9, 0.5, 2, "loss / 3.2e9");
  within(t.statistics.loss, 3.7e9, 3.9e9, "printed loss 3.8e9");
});

test("tutorial net at std 1: the std of each layer's h is within 10% of the theory √1000, ×√50, ×√50", () => {
  const t = tutorialStd1();
  const measured = [...t.statistics.hidden.map((h) => h.preActivationStd), t.statistics.outputStd];
  measured.forEach((m, l) => relClose(m, t.theory.preActivationStd[l], 0.1, `layer ${l + 1}`));
  // The factor from hidden layer 1 to 2 is √(100/2) ≈ 7.07 (measured 7.05).
  relClose(measured[1] / measured[0], Math.sqrt(50), 0.02, "factor layer 1 -> 2");
});

test("tutorial net at std 1: gradients explode — grad:data above 1e5; the tutorial's first step moves w1 by > 1/3 of its size, w3 by > 10×", () => {
  const t = tutorialStd1();
  for (const w of t.statistics.weights) assert.ok(w.gradientToData > 1e5, `${w.name}: ${w.gradientToData}`);
  const run = tutorialTraining(1, REFERENCE_EFFECTIVE_LEARNING_RATE, 20);
  run.updateToData[0].forEach((r, p) => assert.ok(r > 1 / 3, `update:data of w${p + 1} at step 0: ${r}`));
  assert.ok(run.updateToData[0][2] > 10, `w3: ${run.updateToData[0][2]}`);
  // This seed then dies (notebook 01): the loss climbs past 1e40 × Σy², then from step 5 the last hidden layer is dead
  // and the loss sits exactly at Σy².
  assert.ok(Math.max(...run.relativeLoss) > 1e40, `peak ${Math.max(...run.relativeLoss)}`);
  assert.equal(run.relativeLoss.findIndex((r) => r === 1), 5);
  assert.equal(run.history.stalledFraction[5][1], 1);
  assert.equal(run.history.stalledFraction[19][1], 1);
  assert.equal(run.relativeLoss[19], 1);
});

// ---- the tutorial's net, N(0, 0.01²) weights

test("tutorial net at std 0.01: output std ≈ 0.0017 and the loss equals Σy² to 0.1%", () => {
  const t = tutorialSmall();
  relClose(t.statistics.outputStd, t.theory.outputStd, 0.1, "output std vs theory 0.00158");
  within(t.statistics.outputStd, 0.0016, 0.0018, "printed 0.0017");
  relClose(t.statistics.loss, t.sumOfSquaredTargets, 1e-3, "loss vs Σy²");
});

test("tutorial net at std 0.01: at lr 1e-4 (100× the tutorial's) the loss falls by less than 1% in 100 steps", () => {
  const run = tutorialTraining(0.01, 1e-4, 100);
  const drop = 1 - run.history.loss[99] / run.history.loss[0];
  within(drop, 0, 0.01, "relative drop");
  run.updateToData[0].forEach((r, p) => assert.ok(r < 1e-2, `update:data of w${p + 1}: ${r}`));
});

// ---- deep tanh, W·0.01

test("tanh 10×500, W·0.01: std ≈ 0.21 at layer 1, ×0.22 per layer (theory 0.01·√500), below 1e-5 at layer 10", () => {
  const s = deepStats("tanhSmall");
  within(s.hidden[0].activationStd, 0.2, 0.22, "layer 1");
  assert.ok(s.hidden[9].activationStd < 1e-5, `layer 10: ${s.hidden[9].activationStd}`);
  relClose(geometricMeanFactor(actStds(s)), 0.01 * Math.sqrt(500), 0.02, "factor per layer");
  relClose(s.hidden[9].activationStd, deepTheory("tanhSmall").activationStd[9], 0.1, "layer 10 vs linear theory");
  for (const h of s.hidden) assert.equal(h.stalledFraction, 0);
});

test("tanh 10×500, W·0.01: back-propagated gradients shrink ≈4.5× per layer going down, to under 1e-5 of layer 10's at layer 1", () => {
  const g = gradStds(deepStats("tanhSmall"));
  within(1 / geometricMeanFactor(g), 0.2, 0.25, "factor per layer going down");
  assert.ok(g[0] / g[9] < 1e-5, `layer 1 / layer 10: ${g[0] / g[9]}`);
});

// ---- deep tanh, std 1

test("tanh 10×500, std 1: std ≈ 0.98 at every layer and 90–95% of values saturated (|a| > 0.97) at every layer", () => {
  const s = deepStats("tanhLarge");
  for (const h of s.hidden) {
    within(h.activationStd, 0.975, 0.99, `std layer ${h.layer}`);
    within(h.stalledFraction, 0.9, 0.95, `saturated layer ${h.layer}`);
    assert.ok(h.stalledFraction > 0.85);
  }
});

test("tanh 10×500, std 1: back-propagated gradients grow 3–4× per layer going down (explode toward the input)", () => {
  const g = gradStds(deepStats("tanhLarge"));
  within(1 / geometricMeanFactor(g), 3, 4, "factor per layer going down");
  assert.ok(g[0] > 1e4 * g[9], `layer 1 ${g[0]} vs layer 10 ${g[9]}`);
});

// ---- deep ReLU, std 1/√fan_in

test("ReLU 10×500, std 1/√fan_in: the activation std shrinks by a geometric-mean factor 0.707 ± 0.02 per layer", () => {
  const s = deepStats("reluFanIn");
  const f = geometricMeanFactor(actStds(s));
  within(f, Math.SQRT1_2 - 0.02, Math.SQRT1_2 + 0.02, "factor per layer");
  within(f, Math.SQRT1_2 - 0.05, Math.SQRT1_2 + 0.05, "the issue's tolerance");
  const theory = deepTheory("reluFanIn");
  relClose(s.hidden[0].activationStd, theory.activationStd[0], 0.05, "layer 1 vs 0.584");
  relClose(s.hidden[9].activationStd, theory.activationStd[9], 0.1, "layer 10 vs 0.584·0.707⁹");
});

test("ReLU 10×500, std 1/√fan_in: gradients shrink by ≈0.71 per layer going down; 10–25% of layer 10's units are dead", () => {
  const s = deepStats("reluFanIn");
  within(1 / geometricMeanFactor(gradStds(s)), Math.SQRT1_2 - 0.05, Math.SQRT1_2 + 0.05, "gradient factor going down");
  within(s.hidden[9].stalledFraction, 0.1, 0.25, "dead at layer 10");
  assert.equal(s.hidden[0].stalledFraction, 0);
});

// ---- loss curves: 10 hidden layers of 100, lr 1e-4, 100 steps

test("curves: tanh W·0.01 — the loss does not move (relative change < 1e-9), update:data ≈ 1e-11 per step", () => {
  const run = deepRun("tanhSmall");
  assert.equal(run.history.stepsCompleted, 100);
  assert.ok(Math.abs(run.history.loss[99] / run.history.loss[0] - 1) < 1e-9);
  relClose(run.relativeLoss[0], 1, 1e-9, "loss vs Σy²");
  for (const r of run.updateToData[0]) assert.ok(r < 1e-10, `update:data ${r}`);
  // The same ratio at every hidden layer: the shrinking signal and the growing gradient cancel in dW = aᵀ·dh.
  const hidden = run.updateToData[0].slice(0, 10);
  assert.ok(Math.max(...hidden) / Math.min(...hidden) < 1.5, `spread across layers ${hidden}`);
});

test("curves: tanh std 1 — starts near 100× Σy², ends near Σy²; layer 1's first update is > 10× its weights, the last layer's < 0.1×", () => {
  const run = deepRun("tanhLarge");
  within(run.relativeLoss[0], 50, 150, "start");
  within(run.relativeLoss[99], 0.8, 1.1, "end");
  assert.ok(run.updateToData[0][0] > 10, `layer 1: ${run.updateToData[0][0]}`);
  assert.ok(run.updateToData[0][10] < 0.1, `output layer: ${run.updateToData[0][10]}`);
  assert.ok(run.updateToData[0][0] / Math.min(...run.updateToData[0]) > 1e3, "three orders of magnitude between layers");
  assert.ok(run.relativeLoss[99] < run.relativeLoss[89], "still falling at the end");
});

test("curves: ReLU 1/√fan_in falls by only 1–10%; tanh 1/√fan_in reaches under 0.3 × Σy²", () => {
  const relu = deepRun("reluFanIn");
  within(1 - relu.relativeLoss[99] / relu.relativeLoss[0], 0.01, 0.1, "ReLU drop");
  const tanh = deepRun("tanhFanIn");
  assert.ok(tanh.relativeLoss[99] < 0.3, `tanh 1/√fan_in end: ${tanh.relativeLoss[99]}`);
});
