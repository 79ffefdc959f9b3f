import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { selectRows } from "../../lib/engine/select_rows";

test("selectRows gathers rows in the given order, repeats allowed", () => {
  const m = Matrix.from([[1, 2], [3, 4], [5, 6]]);
  assert.deepEqual(selectRows(m, [2, 0, 2]).toArray(), [[5, 6], [1, 2], [5, 6]]);
});

test("selectRows rejects indices outside the matrix and an empty selection", () => {
  const m = Matrix.zeros(3, 2);
  assert.throws(() => selectRows(m, [0, 3]), /row index 3 \(position 1\) outside 0..2 of a \(3,2\) matrix/);
  assert.throws(() => selectRows(m, [1.5]), /row index 1.5/);
  assert.throws(() => selectRows(m, []), /at least one row index/);
});
