import { test } from "node:test";
import assert from "node:assert/strict";
import { lineChart } from "../../lib/plot/figure";
import { withZoomPanel } from "../../lib/plot/zoom";

test("withZoomPanel repeats the named traces on a second axis, same colours, no second legend entry", () => {
  const base = lineChart({ title: "t", xTitle: "layer", yTitle: "std", logY: true,
    series: [{ name: "naive", x: [1, 2], y: [1, 1e20] }, { name: "He", x: [1, 2], y: [0.8, 0.82] }, { name: "Xavier", x: [1, 2], y: [0.8, 0.5] }] });
  const fig = withZoomPanel(base, { traces: ["He", "Xavier"], mainTitle: "all", zoomTitle: "He and Xavier", yTitle: "std" });
  assert.equal(fig.data.length, 5);
  const copies = fig.data.slice(3);
  assert.deepEqual(copies.map((t) => [t.name, t.xaxis, t.yaxis, t.showlegend]), [["He", "x2", "y2", false], ["Xavier", "x2", "y2", false]]);
  assert.equal(copies[0].line?.color, fig.data[1].line?.color);
  assert.notEqual(fig.data[0].line?.color, fig.data[1].line?.color);
  assert.equal((fig.layout.yaxis2 as { type: string }).type, "linear");
  assert.throws(() => withZoomPanel(base, { traces: ["LeCun"], mainTitle: "", zoomTitle: "", yTitle: "" }), /no trace named "LeCun"; the figure has "naive", "He", "Xavier"/);
});
