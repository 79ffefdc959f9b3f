import { test } from "node:test";
import assert from "node:assert/strict";
import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { matmulNaive } from "../../lib/engine/matmul_naive";
import { qr } from "../../lib/engine/qr";
import { orthogonal } from "../../lib/init/orthogonal";

const maxAbsDiff = (a: Matrix, b: Matrix) => a.data.reduce((m, v, k) => Math.max(m, Math.abs(v - b.data[k])), 0);
const scaledIdentity = (n: number, s: number) => {
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = s;
  return m;
};

test("orthogonal square and tall draws: WᵀW = I (times gain²) to 1e-12", () => {
  for (const [fanIn, fanOut, gain] of [[64, 64, 1], [100, 30, 1], [50, 50, Math.SQRT2]] as const) {
    const w = orthogonal(gain)(fanIn, fanOut, new Rng(fanIn + fanOut));
    assert.deepEqual(w.shape, [fanIn, fanOut]);
    assert.ok(maxAbsDiff(matmulNaive(w, w, { transA: true }), scaledIdentity(fanOut, gain * gain)) < 1e-12, `(${fanIn},${fanOut}) gain ${gain}`);
  }
});

test("orthogonal wide draws (fan_in < fan_out): the rows are orthonormal, WWᵀ = I", () => {
  const w = orthogonal()(20, 70, new Rng(3));
  assert.deepEqual(w.shape, [20, 70]);
  assert.ok(maxAbsDiff(matmulNaive(w, w, { transB: true }), scaledIdentity(20, 1)) < 1e-12);
});

test("orthogonal: a linear layer keeps the length of every input row exactly", () => {
  const w = orthogonal()(32, 32, new Rng(1));
  const x = new Rng(2).randn(10, 32, 3);
  const h = matmulNaive(x, w);
  for (let i = 0; i < 10; i++) {
    const norm = (v: Float64Array) => Math.sqrt(v.reduce((s, t) => s + t * t, 0));
    assert.ok(Math.abs(norm(h.row(i)) / norm(x.row(i)) - 1) < 1e-12);
  }
});

test("orthogonal is the sign-corrected Q of the seed's Gaussian draw: Q's columns times sign(diag R)", () => {
  const w = orthogonal()(6, 4, new Rng(8));
  const { q, r } = qr(new Rng(8).randn(6, 4));
  for (let j = 0; j < 4; j++) {
    const s = Math.sign(r.get(j, j));
    for (let i = 0; i < 6; i++) assert.equal(w.get(i, j), s * q.get(i, j));
  }
  // With the correction, W's R factor has a positive diagonal, which makes the draw uniform over orthogonal matrices.
  const rw = qr(w).r;
  for (let j = 0; j < 4; j++) assert.ok(Math.abs(Math.abs(rw.get(j, j)) - 1) < 1e-12);
});

test("orthogonal: the sign correction makes the mean of W[0,0] vanish (an uncorrected Q has a biased diagonal)", () => {
  // Householder QR with this sign convention gives R[0,0] = −sign(G[0,0])·‖g₀‖, so an uncorrected Q[0,0] is always ≤ 0.
  let corrected = 0, uncorrected = 0;
  const draws = 400;
  const rng = new Rng(21);
  for (let t = 0; t < draws; t++) {
    const g = rng.randn(8, 8);
    uncorrected += qr(g).q.get(0, 0);
  }
  const rng2 = new Rng(22);
  for (let t = 0; t < draws; t++) corrected += orthogonal()(8, 8, rng2).get(0, 0);
  // Under the Haar measure E[W00] = 0 and sd(W00) = 1/√8, so the mean of 400 draws has sd 0.018.
  assert.ok(Math.abs(corrected / draws) < 0.07, `corrected mean ${corrected / draws}`);
  assert.ok(uncorrected / draws < -0.2, `uncorrected mean ${uncorrected / draws}`);
});

test("orthogonal: same seed, same weights; Var(W) = gain²/fan_in for a square draw", () => {
  const a = orthogonal()(30, 30, new Rng(5));
  assert.deepEqual(a.data, orthogonal()(30, 30, new Rng(5)).data);
  assert.notDeepEqual(a.data, orthogonal()(30, 30, new Rng(6)).data);
  const s = a.data.reduce((t, v) => t + v * v, 0) / a.size; // each of the 30 unit columns spreads 1 over 30 entries
  assert.ok(Math.abs(s - 1 / 30) < 1e-12);
});

test("orthogonal refuses a bad gain, fans or generator", () => {
  assert.throws(() => orthogonal(0), /positive finite gain, got 0/);
  assert.throws(() => orthogonal()(0, 3, new Rng(1)), /positive integer fans \(fanIn, fanOut\), got \(0,3\)/);
  assert.throws(() => orthogonal()(3, 3, {} as Rng), /expected an Rng/);
});
