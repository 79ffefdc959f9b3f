// A fully connected network of any depth and width, without biases (like the tutorial):
//   a₀ = x (N, sizes[0])
//   h_l = a_{l−1} · W_l        (N, sizes[l])      for l = 1 … L
//   a_l = act(h_l)              (N, sizes[l])      for the hidden layers l = 1 … L−1
//   yPred = h_L                 (N, sizes[L])      the last layer is linear
//   loss = loss.forward(yPred, y)
// Arrays below are 0-based: w[0] is W₁, h[0] is h₁, and so on.
// The backward pass walks the same steps in reverse and keeps ∂loss/∂h and ∂loss/∂a of every layer,
// because the statistics recorder looks at how those gradients shrink or grow with depth.

import { Matrix, assertFinite, shapeString } from "../engine/matrix";
import { Rng } from "../engine/random";
import { Initializer } from "../init/initializer";
import { ActivationName, Activation, getActivation } from "./activation";
import { denseBackward, denseForward } from "./dense";
import { Loss } from "./loss";
import { LossAndGradients, Model } from "./model";

/** What a network is, apart from its weights. */
export interface MlpSpec {
  /** Widths from input to output, e.g. [1000, 100, 100, 10]: sizes.length − 1 weight layers. */
  sizes: readonly number[];
  /** The nonlinearity after every layer but the last. */
  activation: ActivationName;
  loss: Loss;
}

/** Everything the backward pass (and the statistics recorder) needs from the forward pass. */
export interface MlpCache {
  x: Matrix; //       (N, sizes[0])
  h: Matrix[]; //     h[l] is (N, sizes[l+1]), before the activation; one per weight layer
  a: Matrix[]; //     a[l] = act(h[l]), one per hidden layer (the last layer has none)
  yPred: Matrix; //   (N, sizes[L]) = h[L−1]
}

export interface MlpGradients {
  dw: Matrix[]; //    dw[l] = ∂loss/∂W, same shape as w[l]
  dh: Matrix[]; //    dh[l] = ∂loss/∂h[l], (N, sizes[l+1]): the back-propagated gradient at each layer
  da: Matrix[]; //    da[l] = ∂loss/∂a[l], one per hidden layer
}

export class Mlp implements Model {
  readonly weights: Matrix[];
  readonly sizes: number[];
  readonly activation: Activation;
  readonly lossFunction: Loss;
  readonly paramNames: string[];

  constructor(weights: Matrix[], activation: ActivationName, loss: Loss) {
    if (!Array.isArray(weights) || weights.length === 0) {
      throw new Error(`Mlp: expected at least one weight matrix (depth ≥ 1), got ${Array.isArray(weights) ? "an empty list" : typeof weights}`);
    }
    weights.forEach((w, l) => {
      if (!(w instanceof Matrix)) throw new Error(`Mlp: expected weight ${l + 1} to be a Matrix, got ${w === null ? "null" : typeof w}`);
      assertFinite(`Mlp: weight w${l + 1}`, w);
      if (l > 0 && weights[l - 1].cols !== w.rows) {
        throw new Error(
          `Mlp: weight shapes do not chain: w${l} ${shapeString(weights[l - 1])} then w${l + 1} ${shapeString(w)} ` +
            `(expected w${l + 1} to have ${weights[l - 1].cols} rows)`,
        );
      }
    });
    if (!loss || typeof loss.forward !== "function" || typeof loss.backward !== "function") {
      throw new Error(`Mlp: expected a Loss with forward and backward, got ${loss === null ? "null" : typeof loss}`);
    }
    this.weights = weights;
    this.sizes = [weights[0].rows, ...weights.map((w) => w.cols)];
    this.activation = getActivation(activation);
    this.lossFunction = loss;
    this.paramNames = weights.map((_, l) => `w${l + 1}`);
  }

  /** Draws each W_l = init(sizes[l−1], sizes[l], rng), first layer first. */
  static initialized(spec: MlpSpec, init: Initializer, rng: Rng): Mlp {
    checkSizes(spec.sizes);
    getActivation(spec.activation); // fail on a bad name before drawing anything
    if (typeof init !== "function") throw new Error(`Mlp.initialized: expected an initializer function (fanIn, fanOut, rng) => Matrix, got ${typeof init}`);
    if (!(rng instanceof Rng)) throw new Error(`Mlp.initialized: expected an Rng, got ${typeof rng}`);
    const weights: Matrix[] = [];
    for (let l = 1; l < spec.sizes.length; l++) {
      const [fanIn, fanOut] = [spec.sizes[l - 1], spec.sizes[l]];
      const w = init(fanIn, fanOut, rng);
      if (!(w instanceof Matrix) || w.rows !== fanIn || w.cols !== fanOut) {
        throw new Error(`Mlp.initialized: the initializer returned ${w instanceof Matrix ? shapeString(w) : typeof w} for layer ${l}, expected (${fanIn},${fanOut})`);
      }
      weights.push(w);
    }
    return new Mlp(weights, spec.activation, spec.loss);
  }

  get params(): Matrix[] {
    return this.weights;
  }

  /** Number of weight layers (hidden layers + the output layer). */
  get depth(): number {
    return this.weights.length;
  }

  forward(x: Matrix): MlpCache {
    if (!(x instanceof Matrix)) throw new Error(`Mlp.forward: expected input x to be a Matrix of shape (N,${this.sizes[0]}), got ${x === null ? "null" : typeof x}`);
    if (x.cols !== this.sizes[0]) {
      throw new Error(`Mlp.forward: input x ${shapeString(x)} and w1 ${shapeString(this.weights[0])} not aligned: expected shape (N,${this.sizes[0]})`);
    }
    const h: Matrix[] = [];
    const a: Matrix[] = [];
    let input = x;
    for (let l = 0; l < this.depth; l++) {
      h.push(denseForward(input, this.weights[l])); //   (N, sizes[l+1])
      if (l === this.depth - 1) break; //                 the output layer stays linear
      a.push(this.activation.forward(h[l])); //          (N, sizes[l+1])
      input = a[l];
    }
    return { x, h, a, yPred: h[this.depth - 1] };
  }

  /** ∂loss/∂W for every layer, plus ∂loss/∂h and ∂loss/∂a at every layer, by the chain rule in reverse. */
  backward(cache: MlpCache, y: Matrix): MlpGradients {
    this.checkTargets(cache.yPred, y);
    const L = this.depth;
    const dw: Matrix[] = new Array(L);
    const dh: Matrix[] = new Array(L);
    const da: Matrix[] = new Array(L - 1);
    dh[L - 1] = this.lossFunction.backward(cache.yPred, y); //           (N, sizes[L])
    for (let l = L - 1; l >= 0; l--) {
      const input = l === 0 ? cache.x : cache.a[l - 1]; //                (N, sizes[l])
      const step = denseBackward(dh[l], input, this.weights[l], l > 0); // dw (sizes[l], sizes[l+1]) = inputᵀ·dh; dx (N, sizes[l]) = dh·Wᵀ
      dw[l] = step.dw;
      if (l === 0) break;
      da[l - 1] = step.dx!; //                                             (N, sizes[l])
      dh[l - 1] = this.activation.backward(da[l - 1], cache.h[l - 1], cache.a[l - 1]);
    }
    return { dw, dh, da };
  }

  /** One forward and backward pass, keeping the cache and every gradient (for statistics). */
  forwardBackward(x: Matrix, y: Matrix): { loss: number; cache: MlpCache; grads: MlpGradients } {
    const cache = this.forward(x);
    this.checkTargets(cache.yPred, y);
    const loss = this.lossFunction.forward(cache.yPred, y);
    return { loss, cache, grads: this.backward(cache, y) };
  }

  lossAndGradients(x: Matrix, y: Matrix): LossAndGradients {
    const { loss, cache, grads } = this.forwardBackward(x, y);
    return { loss, grads: grads.dw, hidden: cache.a };
  }

  loss(x: Matrix, y: Matrix): number {
    const { yPred } = this.forward(x);
    this.checkTargets(yPred, y);
    return this.lossFunction.forward(yPred, y);
  }

  clone(): Mlp {
    return new Mlp(this.weights.map((w) => w.clone()), this.activation.name, this.lossFunction);
  }

  private checkTargets(yPred: Matrix, y: Matrix): void {
    if (!(y instanceof Matrix) || y.rows !== yPred.rows || y.cols !== yPred.cols) {
      throw new Error(`Mlp: targets y: expected shape ${shapeString(yPred)}, got ${y instanceof Matrix ? shapeString(y) : y === null ? "null" : typeof y}`);
    }
  }
}

/** Widths must be at least two (input and output) positive integers. */
export function checkSizes(sizes: readonly number[]): void {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    const got = Array.isArray(sizes) ? `[${sizes.join(", ")}]` : String(sizes);
    throw new Error(`Mlp: expected at least 2 sizes (input and output width, depth ≥ 1), got ${got}`);
  }
  sizes.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`Mlp: expected every size to be a positive integer, got ${n} at position ${i} of [${sizes.join(", ")}]`);
    }
  });
}
