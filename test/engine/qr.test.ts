import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { matmulNaive } from "../../lib/engine/matmul_naive";
import { qr } from "../../lib/engine/qr";

const maxAbsDiff = (a: Matrix, b: Matrix) => a.data.reduce((m, v, k) => Math.max(m, Math.abs(v - b.data[k])), 0);
const identity = (n: number) => {
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
};

for (const [m, n] of [[5, 5], [40, 12], [128, 128], [3, 1]] as const) {
  test(`qr of a (${m},${n}) Gaussian: Q·R = A, QᵀQ = I and R upper triangular, to 1e-12`, () => {
    const a = new Rng(m * 100 + n).randn(m, n);
    const { q, r } = qr(a);
    assert.deepEqual(q.shape, [m, n]);
    assert.deepEqual(r.shape, [n, n]);
    assert.ok(maxAbsDiff(matmulNaive(q, r), a) < 1e-12, "Q·R should reproduce A");
    assert.ok(maxAbsDiff(matmulNaive(q, q, { transA: true }), identity(n)) < 1e-12, "QᵀQ should be I");
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) assert.equal(r.get(i, j), 0, `R[${i},${j}] below the diagonal`);
  });
}

test("qr by hand: a 2×2 rotation-free example", () => {
  // A = [[3, 1], [4, 2]]: the first column has length 5, so |R[0,0]| = 5 and |R[1,1]| = |det A| / 5 = 2/5.
  const { q, r } = qr(Matrix.from([[3, 1], [4, 2]]));
  assert.ok(Math.abs(Math.abs(r.get(0, 0)) - 5) < 1e-14);
  assert.ok(Math.abs(Math.abs(r.get(1, 1)) - 0.4) < 1e-14);
  assert.ok(maxAbsDiff(matmulNaive(q, r), Matrix.from([[3, 1], [4, 2]])) < 1e-14);
});

test("qr keeps Q orthonormal for nearly parallel columns, where classical Gram–Schmidt loses it", () => {
  const a = Matrix.from([[1, 1, 1], [1e-8, 0, 0], [0, 1e-8, 0], [0, 0, 1e-8]]);
  const { q } = qr(a);
  assert.ok(maxAbsDiff(matmulNaive(q, q, { transA: true }), identity(3)) < 1e-12);
});

test("qr refuses a wide matrix and non-finite input, naming the shape", () => {
  assert.throws(() => qr(new Matrix(2, 3)), /at least as many rows as columns \(m ≥ n\), got \(2,3\)/);
  assert.throws(() => qr(Matrix.from([[Number.NaN], [1]])), /qr: input/);
});
