import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Mlp } from "../../lib/nn/mlp";
import { sumOfSquaredErrors } from "../../lib/nn/sum_of_squares_loss";
import { layerStatistics } from "../../lib/train/statistics";
import { histogramFractions, layerHistogramsFigure, perLayerFigure } from "../../lib/plot/layer_figures";

function stats() {
  const net = new Mlp([Matrix.from([[1, -1]]), Matrix.from([[1, 2], [5, 5]]), Matrix.from([[1], [3]])], "relu", sumOfSquaredErrors);
  return layerStatistics(net, Matrix.from([[1], [2]]), Matrix.from([[0], [0]]), { activationEdges: [0, 1, 2], gradientEdges: [-10, 0, 10] });
}

test("layerHistogramsFigure: one titled, labelled, legended line per layer over the bin centres", () => {
  const fig = layerHistogramsFigure(stats(), { title: "Activations", quantity: "activation" });
  assert.equal(fig.layout.title.text, "Activations");
  assert.equal(fig.layout.xaxis.title.text, "activation value (relu)");
  assert.equal(fig.layout.yaxis.title.text, "fraction of values in bin");
  assert.equal(fig.layout.showlegend, true);
  assert.deepEqual(fig.data.map((t) => t.name), ["layer 1", "layer 2 (25% outside)"]);
  assert.deepEqual(fig.data[0].x, [0.5, 1.5]);
  // Layer 1: a1 = [[1,0],[2,0]] -> {0, 0} and {1, 2}; layer 2: a2 = relu(a1·W2) = [[1,2],[2,4]], and 4 > 2.
  assert.deepEqual(fig.data[0].y, [0.5, 0.5]);
  assert.deepEqual(fig.data[1].y, [0, 0.75]);
  const grads = layerHistogramsFigure(stats(), { title: "Gradients", quantity: "gradient", layers: [2], logY: true });
  assert.equal(grads.data.length, 1);
  assert.equal(grads.layout.yaxis.type, "log");
  assert.match(grads.layout.xaxis.title.text, /back-propagated gradient/);
});

test("layerHistogramsFigure names a layer that does not exist", () => {
  assert.throws(() => layerHistogramsFigure(stats(), { title: "T", quantity: "activation", layers: [3] }), /no hidden layer 3; the network has layers 1–2/);
});

test("histogramFractions divides by every value, inside or not", () => {
  const f = histogramFractions({ edges: [0, 1, 2], counts: [1, 2], below: 1, above: 0, nan: 0 });
  assert.deepEqual(f, { centres: [0.5, 1.5], fractions: [0.25, 0.5], outside: 0.25 });
});

test("perLayerFigure: measured solid with markers, theory dashed, log y by default, gaps for non-positive values", () => {
  const fig = perLayerFigure({
    title: "Std by layer",
    yTitle: "std",
    measured: [{ name: "measured", values: [1, 0.5, 0] }],
    theory: [{ name: "theory", values: [0.25, 0.125], firstLayer: 2 }],
  });
  assert.equal(fig.layout.title.text, "Std by layer");
  assert.equal(fig.layout.xaxis.title.text, "layer");
  assert.equal(fig.layout.yaxis.type, "log");
  assert.deepEqual(fig.data[0].x, [1, 2, 3]);
  assert.deepEqual(fig.data[0].y, [1, 0.5, null]);
  assert.equal(fig.data[0].mode, "lines+markers");
  assert.deepEqual(fig.data[1].x, [2, 3]);
  assert.equal(fig.data[1].line?.dash, "dash");
  assert.throws(() => perLayerFigure({ title: "E", yTitle: "y", measured: [] }), /at least one measured series/);
});

test("perLayerFigure ticks every layer by default, every xTick layers when asked", () => {
  const opts = { title: "t", yTitle: "y", measured: [{ name: "m", values: [1, 2, 3] }] };
  assert.equal(perLayerFigure(opts).layout.xaxis.dtick, 1);
  assert.equal(perLayerFigure({ ...opts, xTick: 5 }).layout.xaxis.dtick, 5);
});
