import { test } from "node:test";
import assert from "node:assert/strict";
import { DEPTH_SWEEP, deepReluRunAtDepth, depthSweep } from "../../lib/experiments/nb03_depth_sweep";
import { depthSweepFigure } from "../../lib/experiments/nb03_figures";
import { sliderLabels } from "../../lib/plot/slider";

// Shallow depths keep the test quick; the notebook's 5–30 run the same code.
const points = depthSweep([1, 2]);

test("depthSweep: He and Xavier on the same data at each depth; at 2 layers both train, He faster", () => {
  assert.deepEqual(points.map((p) => p.depth), [1, 2]);
  for (const p of points) {
    assert.deepEqual(p.runs.map((r) => [r.initializer, r.seed]), DEPTH_SWEEP.initializers.map((i) => [i, DEPTH_SWEEP.seed]));
    for (const r of p.runs) {
      assert.equal(r.history.loss.length, 300);
      assert.equal(r.lossRatio, r.initialLoss / r.finalLoss);
    }
  }
  const [he, xavier] = points[1].runs;
  assert.ok(xavier.lossRatio > 2 && he.lossRatio > xavier.lossRatio, `He ×${he.lossRatio}, Xavier ×${xavier.lossRatio}`);
  // Known runs are taken as given, and checked.
  const again = depthSweep([2], { 2: points[1].runs });
  assert.equal(again[0].runs[0], he);
  assert.throws(() => depthSweep([2], { 2: [xavier, he] }), /known runs at depth 2 are Xavier seed 1, He seed 1; expected He seed 1, Xavier seed 1/);
  assert.throws(() => depthSweep([]), /at least one depth/);
  assert.throws(() => deepReluRunAtDepth("He", 1, 0), /positive integer number of hidden layers, got 0/);
});

test("depthSweepFigure: one slider step per depth, starting at the deepest; the right panel carries every depth's ratio", () => {
  const fig = depthSweepFigure(points);
  assert.deepEqual(sliderLabels(fig), ["1", "2"]);
  const slider = (fig.layout.sliders as { active: number; steps: { args: [Record<string, unknown[]>, Record<string, unknown>] }[] }[])[0];
  assert.equal(slider.active, 1);
  assert.deepEqual(fig.data.map((t) => t.name), ["He: loss", "Xavier: loss", "He: initial / final", "Xavier: initial / final", "depth shown on the left"]);
  assert.deepEqual(fig.data[2].y, points.map((p) => p.runs[0].lossRatio));
  assert.deepEqual(fig.data[4].x, [2, 2]);
  assert.deepEqual(fig.data[4].y, points[1].runs.map((r) => r.lossRatio));
  // Step 1 moves the ring and swaps in depth 1's curves.
  const ys = slider.steps[0].args[0].y as number[][];
  assert.deepEqual(ys[0], points[0].runs[0].history.loss);
  assert.deepEqual((slider.steps[0].args[0].x as number[][])[4], [1, 1]);
  assert.match(String((slider.steps[0].args[1].title as { text: string }).text), /^1 ReLU layers of 128, same data: He's loss fell ×/);
  assert.throws(() => depthSweepFigure(points.slice(0, 1)), /at least 2 depths, got 1/);
});
