// firstNonFinite takes a branch-free shortcut when everything is finite; every position, value and length
// must still give the index a plain loop gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { firstNonFinite } from "../../lib/engine/checks";

const plainFirstNonFinite = (d: ArrayLike<number>): number => {
  for (let k = 0; k < d.length; k++) if (!Number.isFinite(d[k])) return k;
  return -1;
};

test("firstNonFinite finds the first NaN or ±Infinity at every position of short and long arrays", () => {
  for (const n of [0, 1, 3, 4, 5, 8, 131]) {
    const finite = Float64Array.from({ length: n }, (_, k) => (k % 2 ? -1 : 1) * 1e300 * (k + 1));
    assert.equal(firstNonFinite(finite), -1, `all finite, length ${n}`);
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (let at = 0; at < n; at++) {
        const d = finite.slice();
        d[at] = bad;
        if (at + 2 < n) d[at + 2] = NaN; // a later one must not be reported instead
        assert.equal(firstNonFinite(d), plainFirstNonFinite(d), `length ${n}, ${bad} at ${at}`);
        assert.equal(firstNonFinite(d), at);
      }
    }
  }
});

test("firstNonFinite: huge finite values whose sum would overflow are still finite", () => {
  assert.equal(firstNonFinite([Number.MAX_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324]), -1);
  assert.equal(firstNonFinite(new Float32Array([3e38, 3e38, 3e38, 3e38, 3e38])), -1);
});
