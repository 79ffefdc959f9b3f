import { test } from "node:test";
import assert from "node:assert/strict";
import { histogram, uniformEdges } from "../../lib/train/histogram";

test("uniformEdges: bins + 1 equally spaced edges ending exactly at hi", () => {
  assert.deepEqual(uniformEdges(-1, 1, 4), [-1, -0.5, 0, 0.5, 1]);
  assert.throws(() => uniformEdges(1, 1, 4), /expected finite lo < hi, got lo=1, hi=1/);
  assert.throws(() => uniformEdges(0, 1, 0), /positive integer number of bins, got 0/);
});

test("histogram counts each value once: left edge in, last edge in the last bin, the rest reported outside", () => {
  const h = histogram([0, 0.5, 0.99, 1, 2, 3, -0.1, 3.5, NaN], [0, 1, 2, 3]);
  assert.deepEqual(h.counts, [3, 1, 2]); // [0,1): 0, 0.5, 0.99; [1,2): 1; [2,3]: 2, 3
  assert.equal(h.below, 1);
  assert.equal(h.above, 1);
  assert.equal(h.nan, 1);
  assert.deepEqual(h.edges, [0, 1, 2, 3]);
});

test("histogram rejects edges that are too few or not increasing", () => {
  assert.throws(() => histogram([1], [0]), /at least 2 bin edges, got 1/);
  assert.throws(() => histogram([1], [0, 2, 1]), /strictly increasing edges, got 2 then 1 at 2/);
});
