import { test } from "node:test";
import assert from "node:assert/strict";
import { twoLayerStats } from "./two_layer_stats";
import { layerLogHistogramFigure, logHistogramShares } from "../../lib/plot/log_histogram_figure";


test("layerLogHistogramFigure: one heat map per panel, rows = layers, shares of all values, zeros stated per row", () => {
  const fig = layerLogHistogramFigure([{ name: "A", stats: twoLayerStats() }, { name: "B", stats: twoLayerStats(0.1) }], { title: "Activations", quantity: "activation" });
  assert.equal(fig.data.length, 2);
  assert.equal(fig.data[0].type, "heatmap");
  assert.deepEqual(fig.data[0].x, [-0.5, 0.5]);
  assert.deepEqual(fig.data[0].y, [1, 2]);
  // Layer 1 of A: 1 and 2 lie in [0, 1), two of four values are exactly 0; layer 2: 1, 2, 2, 4 all in [0, 1).
  assert.deepEqual(fig.data[0].customdata, [[null, 0.5], [null, 1]]);
  assert.deepEqual(fig.data[0].z, [[null, Math.log10(0.5)], [null, 0]]); // coloured by log10 share
  // B: a1 = {0.1, 0, 0.2, 0} in [−1, 0); a2 = {0.1, 0.2, 0.2, 0.4}.
  assert.deepEqual(fig.data[1].customdata, [[0.5, null], [1, null]]);
  assert.equal(fig.data[1].xaxis, "x2");
  assert.equal(fig.layout.title.text, "Activations");
  assert.equal(fig.layout.xaxis.title.text, "log₁₀ |a|");
  const colors = fig.layout.coloraxis as { cmin: number; cmax: number; colorbar: { ticktext: string[] } };
  assert.deepEqual([colors.cmin, colors.cmax], [-4, 0]);
  assert.deepEqual(colors.colorbar.ticktext, ["0.01%", "0.1%", "1%", "10%", "100%"]);
  const notes = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
  assert.deepEqual(notes, ["<b>A</b>", "50% = 0", "<b>B</b>", "50% = 0"]);
  assert.throws(() => layerLogHistogramFigure([], { title: "T", quantity: "gradient" }), /at least one panel/);
});

test("logHistogramShares names every kind of value off the axis", () => {
  const s = logHistogramShares({ edges: [0, 1], counts: [5], zero: 1, below: 1, above: 2, nonFinite: 1, total: 10 });
  assert.deepEqual(s.shares, [0.5]);
  assert.equal(s.note, "10% = 0, 10% ±∞/NaN, 10% below 10^0, 20% above 10^1");
});
