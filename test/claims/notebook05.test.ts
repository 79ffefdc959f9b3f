// The findings notebook 05 states, asserted on the same seeded runs the notebook shows (lib/experiments/nb05_*.ts
// defines them once for both). The cheap forward-pass claims also hold on other seeds; the training runs are the
// notebook's own seeds, because the notebook quotes their numbers.

import { test } from "node:test";
import assert from "node:assert/strict";
import { BEYOND } from "../../lib/experiments/nb05_config";
import { GAIN_ACTIVATIONS, gainDepthRun, measuredGain, recommendedGain } from "../../lib/experiments/nb05_gains";
import { endToEndSpread, linearRun } from "../../lib/experiments/nb05_orthogonal";
import { batchNormRun, batchNormStartStd, deepAdamRun, lsuvRun, presetRun, trainingStatisticsRun, tutorialAdamRun } from "../../lib/experiments/nb05_deep";
import { residualRun } from "../../lib/experiments/nb05_residual";
import { DIGITS_STARTS, DigitsStartRun } from "../../lib/experiments/nb05_lsuv_digits";
import { parallelRuns } from "../../lib/experiments/parallel_runs";

const within = (value: number, lo: number, hi: number, what: string) => assert.ok(value >= lo && value <= hi, `${what}: ${value} not in [${lo}, ${hi}]`);
const last = (v: number[]) => v[v.length - 1];

test("gains: 1/√E[f(z)²] is 1 for linear and SELU, √2 for ReLU and leaky ReLU (within 1 %), and below 5/3 for tanh", () => {
  within(measuredGain("linear"), 0.99, 1.01, "linear");
  within(measuredGain("selu"), 0.99, 1.01, "selu");
  within(measuredGain("relu") / Math.SQRT2, 0.99, 1.01, "relu");
  within(measuredGain("leaky_relu") / Math.SQRT2, 0.99, 1.01, "leaky relu");
  within(measuredGain("tanh"), 1.5, 1.66, "tanh");
});

test("gains: with its own gain every activation keeps the pre-activation std in [0.2, 5] at layer 30; with gain 1 ReLU and leaky ReLU fall below 5e-4, tanh below 0.3, linear and SELU unchanged — on 3 seeds", () => {
  for (const seed of [5, 6, 7]) {
    const o = { ...BEYOND.gains, seed };
    for (const a of GAIN_ACTIVATIONS) within(last(gainDepthRun(a, recommendedGain(a), o).preActivationStd), 0.2, 5, `${a} seed ${seed}`);
    for (const a of ["relu", "leaky_relu"] as const) within(last(gainDepthRun(a, 1, o).preActivationStd), 0, 5e-4, `${a} gain 1 seed ${seed}`);
    within(last(gainDepthRun("tanh", 1, o).preActivationStd), 0, 0.3, `tanh gain 1 seed ${seed}`);
    for (const a of ["linear", "selu"] as const) within(last(gainDepthRun(a, 1, o).preActivationStd), 0.5, 2, `${a} gain 1 seed ${seed}`);
  }
});

test("deep linear nets: orthogonal reaches 5 % of its first loss within 60 steps at every depth; the Gaussian takes longer from depth 4 on and does not get there within 300 steps at depths 16 and 32", () => {
  for (const depth of BEYOND.linear.depths) {
    const o = linearRun("orthogonal", depth).stepsToThreshold;
    assert.ok(o !== null && o <= 60, `orthogonal depth ${depth}: ${o}`);
    const g = linearRun("Gaussian 1/n", depth).stepsToThreshold;
    if (depth >= 16) assert.equal(g, null, `Gaussian depth ${depth}`);
    else if (depth >= 4) assert.ok(g !== null && g > o, `Gaussian depth ${depth}: ${g} vs orthogonal ${o}`);
    within(endToEndSpread("orthogonal", depth), 0, 1e-12, `orthogonal spread depth ${depth}`);
    assert.ok(endToEndSpread("Gaussian 1/n", depth) > 0.05, `Gaussian spread depth ${depth}`);
  }
});

test("BatchNorm: N(0,1) without BatchNorm overflows in its first gradients and stops; Xavier does not move; with BatchNorm N(0,1) and Xavier fall ≥ 2×, N(0,1)+BN ends highest, He+BN falls less than plain He (≈3.3×)", () => {
  const r = Object.fromEntries(["naive N(0,1)", "Xavier", "He"].flatMap((i) => [false, true].map((b) => [`${i}${b ? "+" : ""}`, batchNormRun(i, b)])));
  within(r["Xavier"].lossRatio, 0.999, 1.001, "Xavier without BN");
  // N(0,1)'s first gradients overflow: training stops before the first update, at its starting loss.
  assert.equal(r["naive N(0,1)"].diverged, true, "naive N(0,1) without BN diverges at once");
  assert.equal(r["naive N(0,1)"].finalLoss, r["naive N(0,1)"].initialLoss, "naive stops before its first update");
  assert.ok(r["naive N(0,1)"].initialLoss > 1e40, "naive starts near 1e47");
  within(r["naive N(0,1)+"].initialLoss, 10, 100, "naive+BN starts near 30");
  within(r["naive N(0,1)+"].lossRatio, 2, 3, "naive+BN");
  within(r["Xavier+"].lossRatio, 3, 4, "Xavier+BN");
  within(r["He"].lossRatio, 3, 4, "He");
  within(r["He+"].lossRatio, 1, r["He"].lossRatio, "He+BN falls less than He");
  const finals = Object.values(r).filter((x) => !x.diverged).map((x) => x.finalLoss);
  assert.equal(Math.max(...finals), r["naive N(0,1)+"].finalLoss);
  // With BatchNorm the forward pass is the same for every start.
  const bn = ["naive N(0,1)", "Xavier", "He"].map((i) => batchNormStartStd(i, true));
  for (let l = 0; l < bn[0].length; l++) for (const v of bn) within(v[l] / bn[2][l], 0.95, 1.05, `BN start std layer ${l + 1}`);
});

test("residual MLP: He everywhere grows the stream ~1.66× per block to > 1e13 by block 64 and overflows at once; zeroed branch outputs keep the input's std in every block and the loss falls > 3× in 50 steps", () => {
  const [plain, fixup] = [false, true].map((z) => residualRun(z));
  assert.ok(last(plain.streamStd) > 1e13 && plain.diverged && plain.history.divergedAtStep === 1, "plain");
  within(Math.pow(last(plain.streamStd) / plain.inputStd, 1 / BEYOND.residual.blocks), 1.5, 1.8, "per block");
  for (const s of fixup.streamStd) within(s / fixup.inputStd, 1 - 1e-12, 1 + 1e-12, "fixup stream");
  assert.ok(!fixup.diverged && fixup.lossRatio > 3, `fixup ${fixup.lossRatio}`);
  for (const seed of [5, 6]) assert.ok(last(residualRun(false, seed).streamStd) > 1e10, `plain seed ${seed}`);
});

test("LSUV: one rescale per layer, output variance 1 (±0.01) in every layer; both LSUV (≈2.1×) and He (≈3.3×) train, He falls further on this run", () => {
  const l = lsuvRun();
  const h = presetRun("He");
  for (const rec of l.records) { assert.equal(rec.iterations, 1); within(rec.varianceAfter, 0.99, 1.01, `layer ${rec.layer}`); }
  within(l.lossRatio, 1.8, 2.5, "LSUV");
  within(h.lossRatio, 3, 4, "He");
  within(Math.max(...l.activationStd) / Math.min(...l.activationStd), 1, 1.4, "LSUV activations within a factor 1.4");
});

test("Adam: Xavier moves but only ≈1.2×, He falls > 300×, the tutorial's N(0,1) net keeps every unit alive yet ends above 1e8, far above Σy²", () => {
  within(deepAdamRun("Xavier").lossRatio, 1.1, 1.4, "Xavier Adam");
  assert.ok(deepAdamRun("He").lossRatio > 300, "He Adam");
  const t = tutorialAdamRun();
  assert.ok(t.initialLoss > 3e9 && t.finalLoss > 1e8 && t.finalLoss > 1e4 * t.sumOfSquaredTargets, `tutorial ${t.finalLoss}`);
  assert.deepEqual(t.deadAtEnd, [0, 0]);
});

test("statistics while training: Xavier's snapshots are flat (layer 30 activations ~3e-5, layer 1 gradient ~2e-7); He's layers stay of order 1 with gradients in [1e-3, 1e-1]", () => {
  const x = trainingStatisticsRun("Xavier");
  const h = trainingStatisticsRun("He");
  assert.equal(x.snapshots.length, BEYOND.deep.steps / BEYOND.snapshotEvery + 1);
  for (const s of x.snapshots) {
    within(s.statistics.hidden[29].activationStd, 1e-5, 1e-4, `Xavier L30 step ${s.step}`);
    within(s.statistics.hidden[0].backpropGradientStd, 1e-7, 1e-6, `Xavier grad L1 step ${s.step}`);
  }
  for (const s of h.snapshots) for (const l of [0, 14, 29]) {
    within(s.statistics.hidden[l].activationStd, 0.3, 3, `He L${l + 1} step ${s.step}`);
    within(s.statistics.hidden[l].backpropGradientStd, 1e-3, 1e-1, `He grad L${l + 1} step ${s.step}`);
  }
});

test("LSUV on digits: every layer starts at variance 1 (±0.01); He's layer 1 starts at 2·E[x²] ≈ 0.23 (±15 %) and stays near it (0.15–0.6) in every layer; both reach ≥ 90 % held out on every seed, within 1.2 points of each other, means within 1 point; LSUV's first loss is higher on every seed", () => {
  const args = BEYOND.digits.seeds.flatMap((seed) => DIGITS_STARTS.map((start) => [start, seed]));
  const runs = parallelRuns<DigitsStartRun>("nb05.digitsStartRun", args);
  const mean = (start: string) => {
    const of = runs.filter((r) => r.start === start).map((r) => r.heldOutAccuracy as number);
    return of.reduce((s, v) => s + v, 0) / of.length;
  };
  for (const r of runs) {
    const tag = `${r.start} seed ${r.seed}`;
    assert.ok(r.heldOutAccuracy !== null && r.heldOutAccuracy >= 0.9, `${tag}: held out ${r.heldOutAccuracy}`);
    if (r.start === "LSUV") r.startVariance.forEach((v, l) => within(v, 0.99, 1.01, `${tag} layer ${l + 1}`));
    else {
      within(r.startVariance[0] / (2 * r.inputMeanSquare), 0.85, 1.15, `${tag} layer 1 over 2·E[x²]`);
      r.startVariance.forEach((v, l) => within(v, 0.15, 0.6, `${tag} layer ${l + 1}`));
    }
  }
  for (const seed of BEYOND.digits.seeds) {
    const [he, lsuv] = DIGITS_STARTS.map((start) => runs.find((r) => r.start === start && r.seed === seed)!);
    assert.ok(lsuv.history.loss[0] > he.history.loss[0], `seed ${seed}: LSUV's first loss ${lsuv.history.loss[0]} not above He's ${he.history.loss[0]}`);
    within(Math.abs(lsuv.heldOutAccuracy! - he.heldOutAccuracy!), 0, 0.012, `seed ${seed}: held out LSUV vs He`);
  }
  within(runs[0].inputMeanSquare, 0.09, 0.13, "E[x²] of the pixels");
  within(Math.abs(mean("LSUV") - mean("He")), 0, 0.01, "held-out means LSUV vs He");
});
