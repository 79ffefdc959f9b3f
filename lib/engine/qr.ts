// QR decomposition by Householder reflections: A (m, n) with m ≥ n  ->  Q (m, n) with orthonormal columns and
// R (n, n) upper triangular, A = Q·R (the "thin" or "reduced" QR, numpy's mode="reduced").
// Householder rather than Gram–Schmidt because it keeps QᵀQ = I to rounding error even when A's columns are
// nearly parallel; the orthogonal initializer relies on that.

import { Matrix, assertFinite, shapeString } from "./matrix";

export function qr(a: Matrix): { q: Matrix; r: Matrix } {
  if (!(a instanceof Matrix)) throw new Error(`qr: expected a Matrix, got ${a === null ? "null" : typeof a}`);
  const { rows: m, cols: n } = a;
  if (m < n) throw new Error(`qr: expected at least as many rows as columns (m ≥ n), got ${shapeString(a)}; factor the transpose instead`);
  assertFinite("qr: input", a);
  const r = a.clone(); // (m, n), reduced to upper triangular in place
  const vs: Float64Array[] = []; // the Householder vectors, v_k of length m − k
  for (let k = 0; k < n; k++) {
    // v = x + sign(x₀)·‖x‖·e₁ for x = column k below the diagonal; H = I − 2vvᵀ/(vᵀv) maps x onto −sign(x₀)‖x‖e₁.
    const v = new Float64Array(m - k);
    let norm2 = 0;
    for (let i = k; i < m; i++) {
      v[i - k] = r.data[i * n + k];
      norm2 += v[i - k] * v[i - k];
    }
    const norm = Math.sqrt(norm2);
    v[0] += (v[0] >= 0 ? 1 : -1) * norm;
    const vv = norm2 - r.data[k * n + k] ** 2 + v[0] * v[0];
    vs.push(v);
    if (vv === 0) continue; // the column is already zero below and on the diagonal: nothing to reflect
    for (let j = k; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i - k] * r.data[i * n + j];
      const f = (2 * dot) / vv;
      for (let i = k; i < m; i++) r.data[i * n + j] -= f * v[i - k];
    }
  }
  // Q = H₀·H₁·…·H_{n−1} applied to the first n columns of the identity, last reflection first.
  const q = new Matrix(m, n);
  for (let j = 0; j < n; j++) q.data[j * n + j] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const v = vs[k];
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i - k] * q.data[i * n + j];
      const f = (2 * dot) / vv;
      for (let i = k; i < m; i++) q.data[i * n + j] -= f * v[i - k];
    }
  }
  // R is the top n rows; below the diagonal is rounding noise, set to exact zeros.
  const rSquare = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) rSquare.data[i * n + j] = r.data[i * n + j];
  return { q, r: rSquare };
}
