import { test } from "node:test";
import assert from "node:assert/strict";
import { SCALE_SWEEP, gainLabel, scaleSweep, steadiestGain } from "../../lib/experiments/nb02_scale_sweep";
import { compact, scaleSweepHistogramFigure, scaleSweepStdFigure, spreadSummary } from "../../lib/experiments/nb02_figures";
import { sliderLabels } from "../../lib/plot/slider";

const gains = [0.5, 1, Math.SQRT2];
const sweep = scaleSweep(gains);
const ratio = (g: number, a: number) => {
  const h = sweep.points[g][a].statistics.hidden;
  return h[h.length - 1].activationStd / h[0].activationStd;
};

test("scaleSweep: a ReLU net's layer-10 / layer-1 spread scales exactly as gain⁹, with the same units on at every gain", () => {
  const relu = SCALE_SWEEP.activations.indexOf("relu");
  assert.equal(sweep.points[0][relu].activation, "relu");
  // Positive homogeneity: scaling every weight by g scales layer l by g^l, so the ratio of layer 10 to layer 1 by g⁹.
  assert.ok(Math.abs(ratio(2, relu) / ratio(1, relu) / Math.SQRT2 ** 9 - 1) < 1e-9);
  assert.ok(Math.abs(ratio(0, relu) / ratio(1, relu) / 0.5 ** 9 - 1) < 1e-9);
  const dead = (g: number) => sweep.points[g][relu].statistics.hidden.map((h) => h.stalledFraction);
  assert.deepEqual(dead(0), dead(2));
  // Notebook 02, section 4: at gain 1 (LeCun) the ReLU spread leaks ≈ 0.707 per layer: 0.707⁹ ≈ 0.044.
  assert.ok(ratio(1, relu) > 0.03 && ratio(1, relu) < 0.06, `ReLU ratio at gain 1: ${ratio(1, relu)}`);
  const he = steadiestGain(sweep, "relu");
  assert.equal(he.gain, Math.SQRT2);
  assert.ok(Math.abs(he.activationRatio - 1) < 0.1 && Math.abs(he.gradientRatio - 1) < 0.1, JSON.stringify(he));
  // tanh at gain 0.5 is near-linear: its spread falls like the linear theory's 0.5 per layer, within a factor 2 over 9 layers.
  const tanh = SCALE_SWEEP.activations.indexOf("tanh");
  assert.ok(ratio(0, tanh) > 0.5 ** 9 / 2 && ratio(0, tanh) < 0.5 ** 9 * 1.1, `tanh ratio at 0.5: ${ratio(0, tanh)}`);
  assert.throws(() => scaleSweep([]), /at least one gain/);
  assert.throws(() => scaleSweep([1, -2]), /positive finite gains, got -2/);
  assert.throws(() => scaleSweep([1], undefined, 5 as never), /expected onSetting to be a function, got number/);
  assert.throws(() => steadiestGain(sweep, "sigmoid"), /no sigmoid net/);
});

test("scaleSweepStdFigure: one slider step per gain, starting at gain 1, both panels on fixed log ranges", () => {
  const fig = scaleSweepStdFigure(sweep);
  assert.deepEqual(sliderLabels(fig), ["0.5", "1 (LeCun)", "√2 (He)"]);
  const slider = (fig.layout.sliders as { active: number; steps: { args: [Record<string, unknown[]>, Record<string, unknown>] }[] }[])[0];
  assert.equal(slider.active, 1);
  assert.deepEqual(fig.data.map((t) => t.name), ["tanh, activations", "ReLU, activations", "tanh, theory (gain ≤ 1 only)", "ReLU, theory",
    "tanh, ∂L/∂h", "ReLU, ∂L/∂h"]);
  // The active step's data is gain 1's; step 3 carries √2's, and hides tanh's linear theory above gain 1.
  assert.deepEqual(fig.data[1].y, sweep.points[1][1].statistics.hidden.map((h) => h.activationStd));
  const ys = slider.steps[2].args[0].y as (number | null)[][];
  assert.deepEqual(ys[0], sweep.points[2][0].statistics.hidden.map((h) => h.activationStd));
  assert.ok(ys[2].every((v) => v === null));
  assert.ok((slider.steps[0].args[0].y as number[][])[2].every((v) => v !== null));
  for (const axis of ["yaxis", "yaxis2"]) assert.equal(((fig.layout[axis] as { range: number[] }).range).length, 2, axis);
  assert.equal(fig.layout.title.text, `10 layers of 500 at std(W) = 1 (LeCun)/√fan_in: ${spreadSummary(sweep.points[1].map((p) => p.statistics))}`);
  assert.throws(() => scaleSweepStdFigure({ gains: [1], points: [sweep.points[1]] }), /at least 2 gains, got 1/);
});

test("scaleSweepHistogramFigure: tanh and ReLU heat maps, one colour scale over every step", () => {
  const fig = scaleSweepHistogramFigure(sweep);
  assert.deepEqual(fig.data.map((t) => [t.type, t.name]), [["heatmap", "tanh"], ["heatmap", "ReLU"]]);
  assert.deepEqual(sliderLabels(fig), gains.map(gainLabel));
  const axis = fig.layout.coloraxis as { cmin: number; cmax: number };
  assert.deepEqual([axis.cmin, axis.cmax], [-3, 0]);
  // Every step bins on the sweep's fixed quarter decades.
  assert.equal((fig.data[0].x as number[]).length, (SCALE_SWEEP.logDecades[1] - SCALE_SWEEP.logDecades[0]) * 4);
  const slider = (fig.layout.sliders as { steps: { args: [Record<string, unknown[]>] }[] }[])[0];
  assert.equal((slider.steps[0].args[0].z as number[][][])[1].length, SCALE_SWEEP.hiddenLayers);
});

test("compact and gainLabel", () => {
  assert.deepEqual([0.7071, 3.4e-7, 12345, 0.043, 1].map(compact), ["0.71", "3.4e-7", "1.2e+4", "0.043", "1"]);
  assert.deepEqual([0.25, 1, Math.SQRT2, 3].map(gainLabel), ["0.25", "1 (LeCun)", "√2 (He)", "3"]);
});

test("scaleSweep reports each setting as it is computed: done counts up to gains × activations, in the order of points", () => {
  const calls: [number, number, number, string][] = [];
  const s = scaleSweep([0.5, 2], ["tanh", "relu"], (done, total, p) => calls.push([done, total, p.gain, p.activation]));
  assert.deepEqual(calls, [[1, 4, 0.5, "tanh"], [2, 4, 0.5, "relu"], [3, 4, 2, "tanh"], [4, 4, 2, "relu"]]);
  assert.deepEqual(s.points.flat().map((p) => [p.gain, p.activation]), calls.map(([, , g, a]) => [g, a]));
});
