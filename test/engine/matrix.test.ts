import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix, assertFinite, assertShape, shapeString } from "../../lib/engine/matrix";

test("Matrix stores rows contiguously and round-trips nested arrays", () => {
  const m = Matrix.from([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.deepEqual(m.shape, [2, 3]);
  assert.deepEqual(Array.from(m.data), [1, 2, 3, 4, 5, 6]);
  assert.equal(m.get(1, 0), 4);
  m.set(1, 0, -4);
  assert.deepEqual(m.toArray(), [
    [1, 2, 3],
    [-4, 5, 6],
  ]);
  assert.equal(shapeString(m), "(2,3)");
});

test("Matrix rejects bad shapes and ragged rows, naming what came", () => {
  assert.throws(() => new Matrix(0, 3), /expected positive integer shape, got \(0,3\)/);
  assert.throws(() => new Matrix(2, 2.5), /got \(2,2.5\)/);
  assert.throws(() => new Matrix(2, 2, new Float64Array(3)), /needs 4 values, got 3/);
  assert.throws(() => Matrix.from([[1, 2], [3]]), /row 0 has 2 values but row 1 has 1/);
});

test("clone is a deep copy", () => {
  const a = Matrix.filled(2, 2, 7);
  const b = a.clone();
  b.set(0, 0, 0);
  assert.equal(a.get(0, 0), 7);
});

test("assertShape and assertFinite name expected and actual", () => {
  const m = Matrix.zeros(3, 4);
  assert.throws(() => assertShape("layer input", m, 3, 5), /layer input: expected shape \(3,5\), got \(3,4\)/);
  m.set(2, 1, Number.NaN);
  assert.throws(() => assertFinite("inputs x", m), /inputs x: expected finite values, got NaN at \[2,1\] of a \(3,4\) matrix/);
  m.set(2, 1, Infinity);
  assert.throws(() => assertFinite("inputs x", m), /got Infinity/);
});

test("get and set refuse indices outside the matrix instead of reading a neighbour", () => {
  const m = Matrix.zeros(2, 2);
  assert.throws(() => m.get(0, 2), /Matrix.get: index \[0,2\] is out of bounds for shape \(2,2\)/);
  assert.throws(() => m.set(2, 0, 1), /Matrix.set: index \[2,0\] is out of bounds/);
  assert.throws(() => m.get(-1, 0), /index \[-1,0\]/);
});
