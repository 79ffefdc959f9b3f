// Batch normalization (Ioffe & Szegedy 2015), training mode: each unit (column) is standardised over the batch,
// then scaled and shifted by learned γ and β:
//   μ_j = mean_i h_ij,  σ²_j = mean_i (h_ij − μ_j)²,  ĥ_ij = (h_ij − μ_j) / √(σ²_j + ε),  out_ij = γ_j ĥ_ij + β_j.
// Because ĥ does not change when h is multiplied by a constant, the layer before it may have weights of any scale:
// that is how batch norm takes over initialization's job. (The running averages used at test time are not needed by
// the course's experiments, which always evaluate on a batch, so they are left out.)

import { Matrix, assertSameShape, shapeString } from "../engine/matrix";
import { expectMatrix, expectObject } from "../engine/checks";

/** PyTorch's and Keras's default: keeps 1/√(σ² + ε) finite for a unit that is constant over the batch. */
export const BATCH_NORM_EPSILON = 1e-5;

export interface BatchNormCache {
  xhat: Matrix; //          (N, D) the standardised input ĥ
  invStd: Float64Array; //  (D)    1 / √(σ²_j + ε)
  gamma: Matrix; //         (1, D)
}

// h is (N, D), gamma and beta are (1, D)  ->  out is (N, D)
export function batchNormForward(h: Matrix, gamma: Matrix, beta: Matrix, epsilon = BATCH_NORM_EPSILON): { out: Matrix; cache: BatchNormCache } {
  expectMatrix("batchNormForward", "h", h);
  expectMatrix("batchNormForward", "gamma", gamma);
  expectMatrix("batchNormForward", "beta", beta);
  const { rows: n, cols: d } = h;
  if (gamma.rows !== 1 || gamma.cols !== d || beta.rows !== 1 || beta.cols !== d) {
    throw new Error(`batchNormForward: input ${shapeString(h)} needs gamma and beta of shape (1,${d}), got ${shapeString(gamma)} and ${shapeString(beta)}`);
  }
  if (n < 2) throw new Error(`batchNormForward: expected a batch of at least 2 rows to take statistics over, got ${shapeString(h)}`);
  if (!(epsilon > 0)) throw new Error(`batchNormForward: expected a positive epsilon, got ${epsilon}`);
  // Non-finite inputs are not refused: a diverging network should end with a NaN loss that training records.
  const xhat = new Matrix(n, d);
  const out = new Matrix(n, d);
  const invStd = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let mu = 0;
    for (let i = 0; i < n; i++) mu += h.data[i * d + j];
    mu /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (h.data[i * d + j] - mu) ** 2;
    invStd[j] = 1 / Math.sqrt(v / n + epsilon);
    for (let i = 0; i < n; i++) {
      const k = i * d + j;
      xhat.data[k] = (h.data[k] - mu) * invStd[j];
      out.data[k] = gamma.data[j] * xhat.data[k] + beta.data[j];
    }
  }
  return { out, cache: { xhat, invStd, gamma } };
}

// dout is (N, D)  ->  dh (N, D), dgamma (1, D) = Σ_i dout ⊙ ĥ, dbeta (1, D) = Σ_i dout.
// Every ĥ_ij depends on the whole column through μ_j and σ_j; summing those paths gives the compact form
//   dh_ij = γ_j/(N·σ_j) · (N·dout_ij − Σ_k dout_kj − ĥ_ij · Σ_k dout_kj ĥ_kj).
export function batchNormBackward(dout: Matrix, cache: BatchNormCache): { dh: Matrix; dgamma: Matrix; dbeta: Matrix } {
  expectMatrix("batchNormBackward", "dout", dout);
  expectObject("batchNormBackward", "cache (from batchNormForward)", cache);
  const { xhat, invStd, gamma } = cache;
  assertSameShape("batchNormBackward", dout, xhat);
  const { rows: n, cols: d } = xhat;
  const dh = new Matrix(n, d);
  const dgamma = new Matrix(1, d);
  const dbeta = new Matrix(1, d);
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let sumXhat = 0;
    for (let i = 0; i < n; i++) {
      sum += dout.data[i * d + j];
      sumXhat += dout.data[i * d + j] * xhat.data[i * d + j];
    }
    dbeta.data[j] = sum;
    dgamma.data[j] = sumXhat;
    const c = (gamma.data[j] * invStd[j]) / n;
    for (let i = 0; i < n; i++) {
      const k = i * d + j;
      dh.data[k] = c * (n * dout.data[k] - sum - xhat.data[k] * sumXhat);
    }
  }
  return { dh, dgamma, dbeta };
}
