import { test } from "node:test";
import assert from "node:assert/strict";
import { lineChart } from "../../lib/plot/figure";
import { markPosition } from "../../lib/plot/marks";

test("lineChart marks: overflow drawn at the step, at the last finite height, with the reason on hover", () => {
  const fig = lineChart({
    title: "Loss", xTitle: "step", yTitle: "loss", logY: true,
    series: [
      { name: "seed 2", x: [0, 1, 2, 3], y: [10, 1e5, 1e200, Infinity], marks: [{ at: 3, kind: "overflow", reason: "loss became Infinity at step 3" }] },
      { name: "seed 0", x: [0, 1, 2, 3], y: [10, 50, 7, 7], marks: [{ at: 2, kind: "dead", reason: "layer 2 dead from step 2" }] },
    ],
  });
  assert.equal(fig.data.length, 4);
  const [overflow, dead] = fig.data.slice(2);
  assert.deepEqual([overflow.x, overflow.y, overflow.hovertext, overflow.text], [[3], [1e200], ["seed 2: loss became Infinity at step 3"], ["→ ∞"]]);
  assert.equal(overflow.name, "✕ overflowed to Infinity");
  assert.deepEqual([dead.x, dead.y], [[2], [7]]);
  assert.deepEqual(markPosition([0, 1], [null, NaN], 1), null);
  assert.deepEqual(markPosition([0, 1, 2], [-1, 3, 4], 0.5, true), null);
});
