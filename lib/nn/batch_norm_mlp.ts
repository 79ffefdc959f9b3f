// An Mlp with batch normalization after every hidden layer's matrix product (Ioffe & Szegedy's placement):
//   a₀ = x (N, sizes[0])
//   h_l = a_{l−1} · W_l          (N, sizes[l])      for l = 1 … L
//   z_l = BN(h_l; γ_l, β_l)       (N, sizes[l])      hidden layers only
//   a_l = act(z_l)                (N, sizes[l])
//   yPred = h_L                   (N, sizes[L])      the last layer is linear and not normalised
// Parameters, in this order: W_1 … W_L, then γ_1, β_1, …, γ_{L−1}, β_{L−1}. γ starts at 1 and β at 0.

import { Matrix, assertShape, assertFinite, shapeString } from "../engine/matrix";
import { Rng } from "../engine/random";
import { Initializer } from "../init/initializer";
import { Activation, ActivationName, getActivation } from "./activation";
import { BatchNormCache, batchNormBackward, batchNormForward } from "./batch_norm";
import { denseBackward, denseForward } from "./dense";
import { Loss } from "./loss";
import { LossAndGradients, Model } from "./model";
import { MlpSpec, checkSizes } from "./mlp";

export interface BatchNormMlpCache {
  x: Matrix;
  h: Matrix[]; //      h[l] = input · W, one per weight layer
  z: Matrix[]; //      z[l] = BN(h[l]), one per hidden layer
  a: Matrix[]; //      a[l] = act(z[l]), one per hidden layer
  bn: BatchNormCache[];
  yPred: Matrix;
}

export class BatchNormMlp implements Model {
  readonly weights: Matrix[];
  readonly gammas: Matrix[];
  readonly betas: Matrix[];
  readonly activation: Activation;
  readonly lossFunction: Loss;
  readonly paramNames: string[];

  constructor(weights: Matrix[], activation: ActivationName, loss: Loss, gammas?: Matrix[], betas?: Matrix[]) {
    if (!Array.isArray(weights) || weights.length < 2) {
      throw new Error(`BatchNormMlp: expected at least two weight matrices (one hidden layer to normalise), got ${Array.isArray(weights) ? weights.length : typeof weights}`);
    }
    weights.forEach((w, l) => {
      if (!(w instanceof Matrix)) throw new Error(`BatchNormMlp: expected weight ${l + 1} to be a Matrix, got ${typeof w}`);
      assertFinite(`BatchNormMlp: weight w${l + 1}`, w);
      if (l > 0 && weights[l - 1].cols !== w.rows) {
        throw new Error(`BatchNormMlp: weight shapes do not chain: w${l} ${shapeString(weights[l - 1])} then w${l + 1} ${shapeString(w)}`);
      }
    });
    const hidden = weights.slice(0, -1).map((w) => w.cols);
    this.gammas = gammas ?? hidden.map((d) => Matrix.filled(1, d, 1));
    this.betas = betas ?? hidden.map((d) => Matrix.zeros(1, d));
    hidden.forEach((d, l) => {
      for (const [name, p] of [["gamma", this.gammas[l]], ["beta", this.betas[l]]] as const) {
        if (!(p instanceof Matrix) || p.rows !== 1 || p.cols !== d) {
          throw new Error(`BatchNormMlp: ${name}${l + 1} must have shape (1,${d}), got ${p instanceof Matrix ? shapeString(p) : typeof p}`);
        }
      }
    });
    this.weights = weights;
    this.activation = getActivation(activation);
    this.lossFunction = loss;
    this.paramNames = [...weights.map((_, l) => `w${l + 1}`), ...hidden.flatMap((_, l) => [`gamma${l + 1}`, `beta${l + 1}`])];
  }

  /** Draws each W_l = init(sizes[l−1], sizes[l], rng), first layer first; γ = 1, β = 0. */
  static initialized(spec: MlpSpec, init: Initializer, rng: Rng): BatchNormMlp {
    checkSizes(spec.sizes);
    const weights: Matrix[] = [];
    for (let l = 1; l < spec.sizes.length; l++) weights.push(init(spec.sizes[l - 1], spec.sizes[l], rng));
    return new BatchNormMlp(weights, spec.activation, spec.loss);
  }

  get params(): Matrix[] {
    return [...this.weights, ...this.gammas.flatMap((g, l) => [g, this.betas[l]])];
  }

  get depth(): number {
    return this.weights.length;
  }

  forward(x: Matrix): BatchNormMlpCache {
    if (!(x instanceof Matrix) || x.cols !== this.weights[0].rows) {
      throw new Error(`BatchNormMlp.forward: input x ${x instanceof Matrix ? shapeString(x) : typeof x} and w1 ${shapeString(this.weights[0])} not aligned: expected shape (N,${this.weights[0].rows})`);
    }
    const cache: BatchNormMlpCache = { x, h: [], z: [], a: [], bn: [], yPred: x };
    let input = x;
    for (let l = 0; l < this.depth; l++) {
      cache.h.push(denseForward(input, this.weights[l])); //                          (N, sizes[l+1])
      if (l === this.depth - 1) break;
      const { out, cache: bn } = batchNormForward(cache.h[l], this.gammas[l], this.betas[l]); // (N, sizes[l+1])
      cache.z.push(out);
      cache.bn.push(bn);
      cache.a.push(this.activation.forward(out));
      input = cache.a[l];
    }
    cache.yPred = cache.h[this.depth - 1];
    return cache;
  }

  lossAndGradients(x: Matrix, y: Matrix): LossAndGradients {
    const cache = this.forward(x);
    assertShape("BatchNormMlp: targets y", y, cache.yPred.rows, cache.yPred.cols);
    const loss = this.lossFunction.forward(cache.yPred, y);
    const L = this.depth;
    const dw: Matrix[] = new Array(L);
    const dgamma: Matrix[] = new Array(L - 1);
    const dbeta: Matrix[] = new Array(L - 1);
    let dh = this.lossFunction.backward(cache.yPred, y); //                         (N, sizes[L])
    for (let l = L - 1; l >= 0; l--) {
      const input = l === 0 ? x : cache.a[l - 1];
      const step = denseBackward(dh, input, this.weights[l], l > 0); //           dw = inputᵀ·dh, dx = dh·Wᵀ
      dw[l] = step.dw;
      if (l === 0) break;
      const dz = this.activation.backward(step.dx!, cache.z[l - 1], cache.a[l - 1]); // (N, sizes[l])
      const bn = batchNormBackward(dz, cache.bn[l - 1]);
      dgamma[l - 1] = bn.dgamma;
      dbeta[l - 1] = bn.dbeta;
      dh = bn.dh;
    }
    return { loss, grads: [...dw, ...dgamma.flatMap((g, l) => [g, dbeta[l]])], hidden: cache.a };
  }

  loss(x: Matrix, y: Matrix): number {
    const { yPred } = this.forward(x);
    assertShape("BatchNormMlp: targets y", y, yPred.rows, yPred.cols);
    return this.lossFunction.forward(yPred, y);
  }
}
