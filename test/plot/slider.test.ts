import { test } from "node:test";
import assert from "node:assert/strict";
import { twoLayerStats } from "./two_layer_stats";
import { lineChart, Figure } from "../../lib/plot/figure";
import { layerLogHistogramFigure } from "../../lib/plot/log_histogram_figure";
import { sliderFigure, sliderLabels } from "../../lib/plot/slider";


function stepFigure(k: number): Figure {
  return lineChart({ title: `step ${k}`, xTitle: "x", yTitle: "y", logY: true, series: [{ name: "s", x: [1, 2], y: [k, 10 * k] }] });
}

test("sliderFigure: the active step's data, one update step per setting with what changes, y range fixed over all steps", () => {
  const fig = sliderFigure({ prefix: "k = ", steps: [1, 100].map((k) => ({ label: String(k), figure: stepFigure(k) })) });
  assert.deepEqual(sliderLabels(fig), ["1", "100"]);
  assert.deepEqual(fig.data[0].y, [1, 10]);
  const slider = (fig.layout.sliders as { steps: { method: string; args: [Record<string, unknown>, Record<string, unknown>] }[] }[])[0];
  assert.equal(slider.steps[1].method, "update");
  assert.deepEqual(slider.steps[1].args[0], { y: [[100, 1000]] });
  assert.deepEqual(Object.keys(slider.steps[1].args[1]), ["title"]);
  // log10 of the data spans 0–3 over both steps; 5 % padding.
  assert.deepEqual(fig.layout.yaxis.range, [-0.15000000000000002, 3.15]);
  assert.throws(() => sliderFigure({ prefix: "", steps: [{ label: "a", figure: stepFigure(1) }] }), /at least 2 steps/);
  const two = lineChart({ title: "t", xTitle: "x", yTitle: "y", series: [{ name: "a", x: [1], y: [1] }, { name: "b", x: [1], y: [2] }] });
  assert.throws(() => sliderFigure({ prefix: "", steps: [{ label: "a", figure: stepFigure(1) }, { label: "b", figure: two }] }), /step 1 \("b"\) has 2 traces, step 0 has 1/);
});

test("sliderFigure gives heat maps one colour range over every step", () => {
  const steps = [1, 0.1].map((s) => ({ label: String(s), figure: layerLogHistogramFigure([{ name: "A", stats: twoLayerStats(s) }], { title: `scale ${s}`, quantity: "gradient", zMin: s / 100 }) }));
  const fig = sliderFigure({ prefix: "scale ", steps, active: 1 });
  assert.deepEqual([(fig.layout.coloraxis as { cmin: number }).cmin, (fig.layout.coloraxis as { cmax: number }).cmax], [-3, 0]);
  assert.equal(fig.layout.title.text, "scale 0.1");
});
