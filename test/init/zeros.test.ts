import { test } from "node:test";
import assert from "node:assert/strict";
import { Rng } from "../../lib/engine/random";
import { zerosInit } from "../../lib/init/zeros";

test("zerosInit: a (fanIn, fanOut) matrix of zeros, and bad fans named", () => {
  const w = zerosInit()(3, 2, new Rng(1));
  assert.deepEqual([w.rows, w.cols, Array.from(w.data)], [3, 2, [0, 0, 0, 0, 0, 0]]);
  assert.throws(() => zerosInit()(0, 2, new Rng(1)), /zerosInit: expected positive integer fans \(fanIn, fanOut\), got \(0,2\)/);
});
