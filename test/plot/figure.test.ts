import { test } from "node:test";
import assert from "node:assert/strict";
import { lineChart } from "../../lib/plot/figure";

test("lineChart makes one named line per series, with title, axis titles and a legend", () => {
  const fig = lineChart({
    title: "loss", xTitle: "step", yTitle: "value",
    series: [{ name: "a", x: [0, 1, 2], y: [3, 2, 1] }, { name: "b", x: [0, 1], y: [1, 1], dash: "dash" }],
  });
  assert.deepEqual(fig.data.map((t) => [t.type, t.mode, t.name]), [["scatter", "lines", "a"], ["scatter", "lines", "b"]]);
  assert.deepEqual(fig.data[1].line, { dash: "dash" });
  assert.equal(fig.layout.title.text, "loss");
  assert.equal(fig.layout.xaxis.title.text, "step");
  assert.equal(fig.layout.yaxis.title.text, "value");
  assert.equal(fig.layout.showlegend, true);
  assert.equal(fig.layout.yaxis.type, "linear");
});

test("non-finite values become gaps; log axes use powers of ten and take their range in log10", () => {
  const fig = lineChart({
    title: "t", xTitle: "x", yTitle: "y", logY: true, yRange: [0.01, 1e5],
    series: [{ name: "s", x: [0, 1, 2, 3], y: [1, Infinity, NaN, 2] }],
  });
  assert.deepEqual(fig.data[0].y, [1, null, null, 2]);
  assert.equal(fig.layout.yaxis.type, "log");
  assert.equal(fig.layout.yaxis.exponentformat, "power");
  assert.deepEqual(fig.layout.yaxis.range, [-2, 5]);
});

test("lineChart refuses empty or ragged series and a bad range, naming the figure", () => {
  assert.throws(() => lineChart({ title: "t", xTitle: "x", yTitle: "y", series: [] }), /lineChart "t": expected at least one series/);
  assert.throws(
    () => lineChart({ title: "t", xTitle: "x", yTitle: "y", series: [{ name: "s", x: [0, 1], y: [1] }] }),
    /series "s" has 2 x values but 1 y values/,
  );
  assert.throws(
    () => lineChart({ title: "t", xTitle: "x", yTitle: "y", logY: true, yRange: [0, 1], series: [{ name: "s", x: [0], y: [1] }] }),
    /low > 0 on a log axis, got \[0, 1\]/,
  );
});
