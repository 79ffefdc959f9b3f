import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import * as ew from "../../lib/engine/elementwise";
import * as red from "../../lib/engine/reductions";
import { transpose } from "../../lib/engine/transpose";

const a = Matrix.from([[1, -2, 3], [4, 5, -6]]);
const b = Matrix.from([[0.5, 2, -1], [1, -1, 2]]);

test("add, sub, mul, scale, square work elementwise", () => {
  assert.deepEqual(ew.add(a, b).toArray(), [[1.5, 0, 2], [5, 4, -4]]);
  assert.deepEqual(ew.sub(a, b).toArray(), [[0.5, -4, 4], [3, 6, -8]]);
  assert.deepEqual(ew.mul(a, b).toArray(), [[0.5, -4, -3], [4, -5, -12]]);
  assert.deepEqual(ew.scale(a, -2).toArray(), [[-2, 4, -6], [-8, -10, 12]]);
  assert.deepEqual(ew.square(a).toArray(), [[1, 4, 9], [16, 25, 36]]);
  assert.deepEqual(ew.map(a, Math.abs).toArray(), [[1, 2, 3], [4, 5, 6]]);
});

test("in-place updates overwrite the first argument only", () => {
  const w = a.clone();
  ew.addScaledInPlace(w, -0.5, b);
  assert.deepEqual(w.toArray(), [[0.75, -3, 3.5], [3.5, 5.5, -7]]);
  assert.deepEqual(b.toArray(), [[0.5, 2, -1], [1, -1, 2]]);
  ew.addInPlace(w, b);
  ew.scaleInPlace(w, 2);
  assert.deepEqual(w.toArray(), [[2.5, -2, 5], [9, 9, -10]]);
});

test("elementwise ops refuse mismatched shapes like numpy's broadcasting error", () => {
  const c = Matrix.zeros(3, 2);
  assert.throws(() => ew.add(a, c), /add: operands could not be broadcast together with shapes \(2,3\) \(3,2\)/);
  assert.throws(() => ew.addScaledInPlace(a.clone(), 1, c), /addScaledInPlace: .* \(2,3\) \(3,2\)/);
});

test("reductions: sum, sum of squares, mean, population std, max |x|, column sums", () => {
  assert.equal(red.sum(a), 5);
  assert.equal(red.sumOfSquares(a), 91);
  assert.equal(red.mean(a), 5 / 6);
  const mu = 5 / 6;
  const expectedStd = Math.sqrt([1, -2, 3, 4, 5, -6].reduce((s, v) => s + (v - mu) ** 2, 0) / 6);
  assert.ok(Math.abs(red.std(a) - expectedStd) < 1e-15);
  assert.equal(red.maxAbs(a), 6);
});

test("transpose swaps rows and columns", () => {
  assert.deepEqual(transpose(a).toArray(), [[1, 4], [-2, 5], [3, -6]]);
  assert.deepEqual(transpose(transpose(a)).toArray(), a.toArray());
});
