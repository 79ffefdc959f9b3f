// What notebook 03's text says about its zoomed tanh gradients and its depth slider (issue 15), on the same runs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { standardInitializer } from "../../lib/init/presets";
import { depthSweep } from "../../lib/experiments/nb03_depth_sweep";
import { depthStatistics } from "../../lib/experiments/nb03_xavier_he";

const within = (value: number, lo: number, hi: number, what: string) => assert.ok(value >= lo && value <= hi, `${what}: ${value} not in [${lo}, ${hi}]`);

test("tanh, 20 layers: layer 1's gradient is ≈0.18× layer 20's under Xavier, ≈1.6× under He, ≈10⁹× under N(0,1), ≈10⁻¹⁵× under N(0,0.01²)", () => {
  const down = (name: string) => {
    const g = depthStatistics("tanh", standardInitializer(name).init).hidden.map((h) => h.backpropGradientStd);
    return g[0] / g[g.length - 1];
  };
  within(down("Xavier"), 0.15, 0.22, "Xavier");
  within(down("He"), 1.4, 1.8, "He");
  within(down("naive N(0,1)"), 3e8, 1e9, "naive");
  within(down("small N(0,0.01²)"), 1e-16, 1e-14, "small");
});

test("depth sweep: at 2 layers Xavier's loss falls ≈5× (He's ≈30×), at 5 by less than half, at 10 not at all; He's falls at least tenfold", () => {
  const [two, five, ten] = depthSweep([2, 5, 10]);
  const [he2, xavier2] = two.runs;
  within(xavier2.lossRatio, 4, 6, "Xavier at 2");
  within(he2.lossRatio, 25, 40, "He at 2");
  within(five.runs[1].lossRatio, 1.2, 2, "Xavier at 5");
  within(ten.runs[1].lossRatio, 1, 1.05, "Xavier at 10");
  for (const p of [two, five, ten]) assert.ok(p.runs[0].lossRatio >= 10, `He at ${p.depth}: ${p.runs[0].lossRatio}`);
});
