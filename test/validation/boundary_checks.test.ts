import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { matmul } from "../../lib/engine/matmul";
import { denseBackward } from "../../lib/nn/dense";
import { updateRatio } from "../../lib/train/statistics";
import { deepSizes } from "../../lib/experiments/nb02_init_probe";
import { trainGradientDescent } from "../../lib/train/gradient_descent";

test("the Matrix constructor takes only a Float64Array of the right length, within the stated size limit", () => {
  assert.throws(() => new Matrix(2, 2, "abcd" as never), /Matrix: expected data to be a Float64Array of 4 values, got string "abcd"/);
  assert.throws(() => new Matrix(2, 2, [1, 2, 3, 4] as never), /expected data to be a Float64Array.*got an array of length 4/);
  assert.throws(() => new Matrix(2, 2, new Float32Array(4) as never), /got a Float32Array/);
  assert.throws(() => new Matrix(1e6, 1e6), /Matrix: shape \(1000000,1000000\) has 1000000000000 values, over the limit of 134217728/);
  assert.throws(() => Matrix.from([[1, "a" as never]]), /Matrix.from: expected numbers, got string "a" at \[0,1\]/);
  assert.throws(() => Matrix.from(null as never), /Matrix.from: expected values to be an array of arrays of numbers, got null/);
  assert.throws(() => Matrix.from([[1, 2]]).row(99), /Matrix.row: row index 99 is out of bounds for shape \(1,2\)/);
});

test("matmul options, dense backward shapes, updateRatio shapes, deepSizes' limit", () => {
  const a = new Matrix(2, 3), b = new Matrix(3, 2);
  assert.throws(() => matmul(a, b, { transA: "no" as never }), /matmul: expected options transA and transB to be true or false, got string "no" and boolean false/);
  assert.throws(() => denseBackward(new Matrix(4, 2), new Matrix(4, 5), new Matrix(3, 2)), /denseBackward: dout \(4,2\), input \(4,5\) and weights \(3,2\) not aligned/);
  assert.throws(() => updateRatio(new Matrix(2, 2), new Matrix(3, 2)), /updateRatio: before and after must have the same shape, got \(2,2\) and \(3,2\)/);
  assert.throws(() => deepSizes(1e9, 10), /deepSizes: expected at most 10000 hidden layers, got 1000000000/);
  assert.throws(() => trainGradientDescent(null as never, a, a, { learningRate: 1, steps: 1 }), /trainGradientDescent: expected model to be an object, got null/);
  assert.throws(() => trainGradientDescent({ params: [] } as never, a, a, null as never), /trainGradientDescent: expected options to be an object, got null/);
  assert.throws(() => trainGradientDescent({} as never, a, a, {} as never), /trainGradientDescent: expected model to have an array of params, got undefined/);
});
