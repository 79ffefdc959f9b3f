// The controls and mechanisms notebook 01 states (issue 14), asserted on the same seeded runs the notebook shows.

import { test } from "node:test";
import assert from "node:assert/strict";
import { fateMap, smallRateControl } from "../../lib/experiments/nb01_fate_map";
import { seedSurvey } from "../../lib/experiments/nb01_seed_survey";
import { layer2Mechanism } from "../../lib/experiments/nb01_layer2_mechanism";
import { symmetryRuns } from "../../lib/experiments/nb01_symmetry";
import { tutorialProblem } from "../../lib/experiments/nb01_tutorial_runs";
import { errorBound, gradientCheck } from "../../lib/train/gradient_check";
import { ThreeLayerNet, TUTORIAL } from "../../lib/nn/three_layer_net";
import { getMatmulKernel, setMatmulKernel } from "../../lib/engine/matmul";
import { wasmMatmulAvailable } from "../../lib/engine/matmul_wasm";
import { Rng } from "../../lib/engine/random";

const within = (value: number, lo: number, hi: number, what: string) => assert.ok(value >= lo && value <= hi, `${what}: ${value} not in [${lo}, ${hi}]`);

test("fate map: σ = 1 dies at every rate from 1e-7 to 1e-3; Xavier and He learn at 1e-4; σ = 0.03 learns only at 1e-3", () => {
  const m = fateMap();
  const row = (name: string) => m.cells[m.rows.indexOf(name)];
  assert.deepEqual(row("σ = 1").map((c) => c.fate), ["dies", "dies", "dies", "dies", "dies"]);
  assert.deepEqual(row("σ = 0.03").map((c) => c.fate), ["stuck", "stuck", "stuck", "stuck", "learns"]);
  assert.deepEqual(row("Xavier").map((c) => c.fate), ["high", "stuck", "stuck", "learns", "stuck"]);
  assert.deepEqual(row("He").map((c) => c.fate), ["high", "high", "stuck", "learns", "overflows"]);
  within(row("He")[3].lossOverSumY2, 0.20, 0.22, "He at 1e-4: loss/Σy² after 10 steps (0.212)");
  within(row("Xavier")[3].lossOverSumY2, 0.28, 0.30, "Xavier at 1e-4 (0.288)");
  // no cell of the map learns with σ ≥ 0.1
  for (const name of ["σ = 1", "σ = 0.3", "σ = 0.1"]) assert.ok(row(name).every((c) => c.fate !== "learns"), name);
});

test("plain control at σ = 1: 1e-7 dies at step 4, 5e-8 sinks to Σy² and dies at step 55, 1e-8 is still > 3000 Σy² at step 60", () => {
  const [a, b, c] = smallRateControl();
  assert.equal(a.fate, "dies"); assert.equal(a.atStep, 4);
  assert.equal(b.fate, "dies"); assert.equal(b.atStep, 55);
  within(b.loss[40] / b.sumOfSquaredTargets, 1, 1.001, "5e-8 at step 40: at Σy², not below");
  assert.ok(b.loss.every((l) => l >= b.sumOfSquaredTargets * 0.999), "5e-8 never goes below Σy²");
  assert.equal(c.fate, "high");
  within(c.loss[60] / c.sumOfSquaredTargets, 3000, 3100, "1e-8 at step 60 (3.04e3)");
});

test("200 seeds at lr 1e-6: 178 die (0.89 ± 0.022), 22 overflow (about 1 in 9), none learns", () => {
  const s = seedSurvey(1e-6, 200, 12);
  const f = Object.fromEntries(s.fractions.map((x) => [x.fate, x.count]));
  assert.deepEqual(f, { dies: 178, overflows: 22 });
  within(s.fractions[0].standardError, 0.022, 0.0222, "standard error");
  assert.deepEqual(s.diedAtStepCounts.slice(0, 7), [0, 0, 26, 87, 38, 18, 9]);
});

test("why layer 2 dies (seed 0, lr 5e-7): a₁ ≥ 0; 93 % of layer-2 units move one way for all 128 samples, 0 % of layer 1; ΔW₂ is 96 % one direction", () => {
  const m = layer2Mechanism();
  assert.equal(m.a1NegativeFraction, 0);
  within(m.a1ZeroFraction, 0.49, 0.51, "a₁ zero fraction");
  assert.equal(m.oneSignedChangeLayer2, 0.93);
  assert.equal(m.oneSignedChangeLayer1, 0);
  within(m.topDirectionShareW2, 0.95, 0.96, "ΔW₂ top direction share (0.956)");
  within(m.topDirectionShareW1, 0.26, 0.27, "ΔW₁ top direction share (0.266)");
  assert.equal(m.deadBefore, 0);
  assert.equal(m.deadAfter, 0.55);
  assert.deepEqual(m.deadByStep, [0, 0.55, 0.98, 0.99, 0.98, 1]);
  // before step 1 every unit of h₂ has both signs over the batch; after it most have one
  const mixed = (r: { min: number; max: number }[]) => r.filter((u) => u.min < 0 && u.max > 0).length;
  assert.equal(mixed(m.h2RangeBefore), 99, "units with both signs over the batch before step 1");
  assert.equal(mixed(m.h2RangeAfter), 12, "units with both signs after step 1");
});

test("symmetry: zeros never move (loss Σy² exactly); a constant start keeps all hidden units exactly equal; He's random start learns", () => {
  const [zeros, constant, he] = symmetryRuns();
  assert.equal(zeros.maxWeightChange, 0);
  assert.ok(zeros.loss.every((l) => l === zeros.sumOfSquaredTargets));
  assert.equal(constant.unitSpreadW1, 0);
  assert.equal(constant.unitSpreadW2, 0);
  assert.ok(constant.maxWeightChange > 0, "the constant start does move");
  within(constant.loss[20] / constant.sumOfSquaredTargets, 0.94, 0.95, "constant start after 20 steps (0.9465)");
  assert.ok(he.unitSpreadW1 > 0.1 && he.unitSpreadW2 > 0.1);
  within(he.loss[20] / he.sumOfSquaredTargets, 0.07, 0.08, "He after 20 steps (0.0768)");
});

test("gradient check at the recipe's std 1 (seed 3, 20 sampled entries per matrix, ε 1e-5): every sampled entry agrees to better than 1e-5", () => {
  const rng = new Rng(1);
  rng.randn(8, 12);
  const p = tutorialProblem(3, 1);
  const check = gradientCheck(p.net, p.x, p.y, { maxEntriesPerParam: 20, rng: rng.fork(), epsilon: 1e-5 });
  for (const r of check) assert.ok(r.maxRelativeError < 1e-5, `${r.name}: ${r.maxRelativeError}`);
  // and it is a real check: the errors are not all zero
  assert.ok(Math.max(...check.map((r) => r.maxRelativeError)) > 1e-8);
});

test("notebook 01 section 7 (seed 0, lr 5e-7): rms of a₁ ≈ 22 and a₂ ≈ 184; the first update is 0.41×, 4.7× and 20× the size of W₁, W₂, W₃", () => {
  const p = tutorialProblem(0);
  const cache = p.net.forward(p.x);
  const g = p.net.backward(cache, p.y);
  const rms = (m: { data: Float64Array }) => Math.sqrt(m.data.reduce((s, v) => s + v * v, 0) / m.data.length);
  within(rms(cache.a1), 22.0, 22.3, "rms a₁ (22.1)");
  within(rms(cache.a2), 183, 184.5, "rms a₂ (183.6)");
  const norm = (m: { data: Float64Array }) => Math.sqrt(m.data.reduce((s, v) => s + v * v, 0));
  const ratio = (k: "w1" | "w2" | "w3") => (5e-7 * norm(g[k])) / norm(p.net.weights[k]);
  within(ratio("w1"), 0.40, 0.42, "‖ΔW₁‖/‖W₁‖ (0.411)");
  within(ratio("w2"), 4.6, 4.7, "‖ΔW₂‖/‖W₂‖ (4.66)");
  within(ratio("w3"), 20.3, 20.5, "‖ΔW₃‖/‖W₃‖ (20.4)");
});

test("errorBound gives the power of ten an error stays below", () => {
  assert.equal(errorBound(3.461e-6), "< 1e-5");
  assert.equal(errorBound(2.314e-6), "< 1e-5");
  assert.equal(errorBound(1e-6), "< 1e-5"); // strictly below
  assert.equal(errorBound(9.99e-7), "< 1e-6");
  assert.equal(errorBound(0.3333), "< 1e0");
  assert.equal(errorBound(0), "0");
  assert.throws(() => errorBound(NaN), /errorBound: expected a relative error ≥ 0, got number NaN/);
});

test("notebook 01's gradient-check table prints the same bounds whichever matmul kernel ran (its digits do not)", { skip: !wasmMatmulAvailable() }, () => {
  // Cell 8 of notebook 01, run on every kernel.
  const table = (kernel: "naive" | "tiled" | "wasm") => {
    const before = getMatmulKernel();
    setMatmulKernel(kernel);
    try {
      const checkRng = new Rng(1);
      const smallSizes = { ...TUTORIAL, batchSize: 8, inputDim: 12, hidden1: 6, hidden2: 5, outputDim: 3 };
      const xs = checkRng.randn(8, 12), ys = checkRng.randn(8, 3);
      const smallNet = ThreeLayerNet.randomNormal(checkRng, 0.5, smallSizes);
      const small = gradientCheck(smallNet, xs, ys);
      const full = tutorialProblem(3, 0.05);
      const fullCheck = gradientCheck(full.net, full.x, full.y, { maxEntriesPerParam: 20, rng: checkRng.fork(), epsilon: 1e-5 });
      return [...small, ...fullCheck].map((r) => r.maxRelativeError);
    } finally {
      setMatmulKernel(before);
    }
  };
  const runs = (["naive", "tiled", "wasm"] as const).map(table);
  assert.notDeepEqual(runs[0], runs[2], "the raw digits do differ between kernels (else this test proves nothing)");
  for (const r of runs.slice(1)) assert.deepEqual(r.map(errorBound), runs[0].map(errorBound));
  // What the notebook says under the table: small net below 1e-6, full size below 1e-5.
  assert.deepEqual(runs[0].map(errorBound).slice(0, 3).every((b) => ["< 1e-6", "< 1e-7", "< 1e-8", "< 1e-9"].includes(b)), true);
  assert.ok(runs.every((r) => r.slice(3).every((e) => e < 1e-5)));
});
