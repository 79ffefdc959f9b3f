import { test } from "node:test";
import assert from "node:assert/strict";
import { logEdges, logMagnitudeHistogram, logRange } from "../../lib/train/log_histogram";

test("logEdges: 1/binsPerDecade steps from lo to hi", () => {
  assert.deepEqual(logEdges(-2, 0, 2), [-2, -1.5, -1, -0.5, 0]);
  assert.deepEqual(logEdges(0, 1), [0, 0.25, 0.5, 0.75, 1]);
  assert.throws(() => logEdges(1, 1), /expected finite decades lo < hi, got lo=1, hi=1/);
  assert.throws(() => logEdges(0, 1, 0.5), /positive integer number of bins per decade, got 0.5/);
});

test("logMagnitudeHistogram bins log10|v| and counts zeros, non-finite and out-of-range values apart", () => {
  // log10|v|: 0.05 → −1.30, −0.2 → −0.70, 0.5 → −0.30, 3 → 0.48, −30 → 1.48, 1e-5 → −5 (below), 1e3 → 3 (above).
  const h = logMagnitudeHistogram([0.05, -0.2, 0.5, 3, -30, 0, -0, 1e-5, 1e3, Infinity, NaN, 100], [-2, -1, 0, 1, 2]);
  assert.deepEqual(h.counts, [1, 2, 1, 2]); // 100 → exactly 2, the last edge: in the last bin
  assert.equal(h.zero, 2);
  assert.equal(h.below, 1);
  assert.equal(h.above, 1);
  assert.equal(h.nonFinite, 2);
  assert.equal(h.total, 12);
  assert.throws(() => logMagnitudeHistogram([1], [0, 0]), /strictly increasing edges, got 0 then 0 at 1/);
});

test("logRange: whole decades around every nonzero finite magnitude, null when there is none", () => {
  assert.deepEqual(logRange([[0.003, -20], [0, Infinity, 5]]), [-3, 2]);
  assert.deepEqual(logRange([[1]]), [0, 1]);
  assert.equal(logRange([[0, NaN]]), null);
});
