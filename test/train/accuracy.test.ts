import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { accuracy, predictClasses } from "../../lib/train/accuracy";

test("predictClasses takes the largest score per row (the first on ties); accuracy counts matches", () => {
  const scores = Matrix.from([[0.1, 0.7, 0.2], [3, 3, 1], [-1, -2, -0.5], [0, 0, 9]]);
  assert.deepEqual(predictClasses(scores), [1, 0, 2, 2]);
  assert.equal(accuracy(scores, [1, 0, 0, 2]), 0.75);
});

test("accuracy rejects mismatched labels and non-finite scores", () => {
  const scores = Matrix.from([[1, 0], [0, 1]]);
  assert.throws(() => accuracy(scores, [0]), /expected 2 labels \(one per row of scores\), got 1/);
  assert.throws(() => accuracy(scores, [0, 2]), /labels in 0..1, got 2 at position 1/);
  assert.throws(() => accuracy(Matrix.from([[NaN, 0]]), [0]), /finite values, got NaN at \[0,0\]/);
});
