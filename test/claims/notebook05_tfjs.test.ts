// Notebook 05's claims about tfjs's default initializer (section 8), on the notebook's seed and two more.

import { test } from "node:test";
import assert from "node:assert/strict";
import { setupTfjs } from "../../lib/tfjs/setup";
import { TFJS_DEFAULTS, TF_STARTS, defaultKernelInitializer, tfDefaultsRun } from "../../lib/experiments/nb05_tfjs_defaults";

const within = (value: number, lo: number, hi: number, what: string) => assert.ok(value >= lo && value <= hi, `${what}: ${value} not in [${lo}, ${hi}]`);
const perLayer = (v: number[]) => Math.pow(v[v.length - 1] / v[0], 1 / (v.length - 1));

test("tf.layers.dense's default kernel initializer is Glorot normal: VarianceScaling, scale 1, fanAvg, normal", async () => {
  await setupTfjs();
  const d = defaultKernelInitializer();
  assert.equal(d.className, "VarianceScaling");
  assert.equal(d.config.scale, 1);
  assert.equal(d.config.mode, "fanAvg");
  assert.equal(d.config.distribution, "normal");
});

test("tfjs defaults over 30 ReLU layers: kernels at 0.88 of the formula's std (1.00 corrected); per layer ≈0.64 default, ≈0.9 heNormal, ≈1 corrected; default's layer 30 below 1e-5", async () => {
  await setupTfjs();
  for (const seed of [TFJS_DEFAULTS.seed, 4, 5]) {
    const [def, he, fixed] = TF_STARTS.map((s) => tfDefaultsRun(s, { ...TFJS_DEFAULTS, seed }));
    within(def.weightStdRatio, 0.86, 0.9, `default kernel seed ${seed}`);
    within(he.weightStdRatio, 0.86, 0.9, `heNormal kernel seed ${seed}`);
    within(fixed.weightStdRatio, 0.98, 1.02, `corrected kernel seed ${seed}`);
    within(perLayer(def.activationStd), 0.58, 0.68, `default per layer seed ${seed}`);
    within(perLayer(he.activationStd), 0.85, 0.95, `heNormal per layer seed ${seed}`);
    within(perLayer(fixed.activationStd), 0.95, 1.07, `corrected per layer seed ${seed}`);
    assert.ok(def.activationStd[def.activationStd.length - 1] < 1e-5, `default layer 30 seed ${seed}`);
  }
});
