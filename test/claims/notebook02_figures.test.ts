// What notebook 02's text says about its heat maps and its scale-sweep sliders (issue 15), asserted on the same runs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { deepStatistics } from "../../lib/experiments/nb02_naive_init";
import { SCALE_SWEEP, scaleSweep, steadiestGain } from "../../lib/experiments/nb02_scale_sweep";

const within = (value: number, lo: number, hi: number, what: string) => assert.ok(value >= lo && value <= hi, `${what}: ${value} not in [${lo}, ${hi}]`);

test("tanh 10×500, std 1: about 38 % of every layer's ∂L/∂h is exactly 0; layer 1's largest entries pass 10⁷; W·0.01 has none outside its bins", () => {
  const large = deepStatistics("tanhLarge");
  for (const h of large.hidden) {
    const g = h.backpropGradientLogHistogram;
    within(g.zero / g.total, 0.37, 0.4, `layer ${h.layer} zero share`);
    assert.equal(g.nonFinite + g.below + g.above, 0);
  }
  const g1 = large.hidden[0].backpropGradientLogHistogram;
  const above7 = g1.counts.filter((_, i) => g1.edges[i] >= 7).reduce((a, b) => a + b, 0);
  assert.ok(above7 > 0, "some of layer 1's gradient entries are beyond 10⁷");
  const small = deepStatistics("tanhSmall");
  for (const h of small.hidden) {
    for (const lh of [h.activationLogHistogram, h.backpropGradientLogHistogram]) assert.equal(lh.zero + lh.nonFinite + lh.below + lh.above, 0);
  }
  // The W·0.01 rows of the activation heat map: layer 1 of order 0.2, layer 10 of order 3·10⁻⁷.
  within(small.hidden[0].activationStd, 0.15, 0.3, "layer 1");
  within(small.hidden[9].activationStd, 1e-7, 1e-6, "layer 10");
});

test("scale sweep: ReLU and tanh are steadiest at gain √2 (ReLU within 5 %); tanh at gains 2 and 3 saturates 15 % and 41 % of layer 10 and its gradient grows 3× and 15× toward layer 1", () => {
  const sweep = scaleSweep();
  const relu = steadiestGain(sweep, "relu");
  assert.equal(relu.gain, Math.SQRT2);
  within(relu.activationRatio, 0.95, 1.05, "ReLU activations");
  within(relu.gradientRatio, 0.95, 1.05, "ReLU gradients");
  assert.equal(steadiestGain(sweep, "tanh").gain, Math.SQRT2);
  const tanh = SCALE_SWEEP.activations.indexOf("tanh");
  const at = (gain: number) => sweep.points[sweep.gains.indexOf(gain)][tanh].statistics.hidden;
  within(at(2)[9].stalledFraction, 0.14, 0.16, "saturated at gain 2");
  within(at(3)[9].stalledFraction, 0.4, 0.42, "saturated at gain 3");
  within(at(2)[0].backpropGradientStd / at(2)[9].backpropGradientStd, 3, 3.7, "gradient growth at gain 2");
  within(at(3)[0].backpropGradientStd / at(3)[9].backpropGradientStd, 14, 17, "gradient growth at gain 3");
  // Above 1 tanh's spread stays nearly flat (layer 10 at least 0.9× layer 1 from gain 2 on).
  within(at(2)[9].activationStd / at(2)[0].activationStd, 0.9, 1, "tanh flat at 2");
});
