import { test } from "node:test";
import assert from "node:assert/strict";
import { barChart } from "../../lib/plot/bar_chart";

test("barChart: one grouped bar trace per series, with title, axis titles and a legend", () => {
  const fig = barChart({
    title: "gain",
    xTitle: "initializer",
    yTitle: "Var ratio",
    categories: ["Xavier", "He"],
    series: [{ name: "measured", values: [1.32, 1.98] }, { name: "predicted", values: [4 / 3, NaN] }],
    logY: true,
  });
  assert.equal(fig.data.length, 2);
  assert.deepEqual(fig.data[0], { type: "bar", name: "measured", x: ["Xavier", "He"], y: [1.32, 1.98] });
  assert.deepEqual(fig.data[1].y, [4 / 3, null]);
  assert.equal(fig.layout.title.text, "gain");
  assert.equal(fig.layout.xaxis.title.text, "initializer");
  assert.equal(fig.layout.yaxis.type, "log");
  assert.equal(fig.layout.showlegend, true);
  assert.equal(fig.layout.barmode, "group");
});

test("barChart rejects a series that does not match the categories", () => {
  assert.throws(
    () => barChart({ title: "t", xTitle: "x", yTitle: "y", categories: ["a", "b"], series: [{ name: "s", values: [1] }] }),
    /series "s" has 1 values for 2 categories/,
  );
  assert.throws(() => barChart({ title: "t", xTitle: "x", yTitle: "y", categories: [], series: [] }), /at least one category/);
});
