// A residual MLP: a stream of constant width D that every block adds a small two-layer branch to,
//   s₀ = x                                   (N, D)
//   u_b = relu(s_{b−1} · A_b)                (N, D)    the branch's hidden layer
//   s_b = s_{b−1} + u_b · B_b                (N, D)    for the blocks b = 1 … blocks
//   yPred = s_blocks · W_out                 (N, outputs)
// Parameters, in this order: A₁, B₁, A₂, B₂, …, W_out. If the branch is initialised like a plain layer, each block
// adds about as much variance as the stream already has, so the stream's variance doubles per block; initialising
// every B_b to zero (Fixup, Zhang et al. 2019; the same effect as a zero BatchNorm scale, Goyal et al. 2017) makes each
// block the identity at the start, so depth costs nothing until training moves B.

import { Matrix, assertShape, assertFinite, shapeString } from "../engine/matrix";
import { addInPlace } from "../engine/elementwise";
import { Rng } from "../engine/random";
import { Initializer } from "../init/initializer";
import { denseBackward, denseForward } from "./dense";
import { Loss } from "./loss";
import { LossAndGradients, Model } from "./model";
import { ACTIVATIONS } from "./activation";
import { reluBackward, reluForward } from "./relu";

export interface ResidualMlpSpec {
  /** The stream's width D (inputs and every block). */
  width: number;
  blocks: number;
  outputs: number;
  loss: Loss;
}

export interface ResidualMlpCache {
  x: Matrix;
  stream: Matrix[]; //   stream[b] = s_{b+1}, the stream after block b+1
  pre: Matrix[]; //      pre[b] = s_b · A_{b+1}, before the ReLU
  u: Matrix[]; //        u[b] = relu(pre[b])
  yPred: Matrix;
}

export class ResidualMlp implements Model {
  readonly branchIn: Matrix[]; //  A_b (D, D)
  readonly branchOut: Matrix[]; // B_b (D, D)
  readonly output: Matrix; //      W_out (D, outputs)
  readonly lossFunction: Loss;
  readonly paramNames: string[];
  readonly activation = ACTIVATIONS.relu; // the branches' hidden layers

  constructor(branchIn: Matrix[], branchOut: Matrix[], output: Matrix, loss: Loss) {
    if (!Array.isArray(branchIn) || branchIn.length < 1 || !Array.isArray(branchOut) || branchOut.length !== branchIn.length) {
      throw new Error(`ResidualMlp: expected as many branch-in as branch-out matrices (at least one block), got ${branchIn?.length} and ${branchOut?.length}`);
    }
    const d = output.rows;
    [...branchIn, ...branchOut].forEach((w, k) => {
      if (!(w instanceof Matrix) || w.rows !== d || w.cols !== d) {
        throw new Error(`ResidualMlp: every branch matrix must be (${d},${d}) like the stream, got ${w instanceof Matrix ? shapeString(w) : typeof w} at position ${k}`);
      }
      assertFinite("ResidualMlp: branch weights", w);
    });
    this.branchIn = branchIn;
    this.branchOut = branchOut;
    this.output = output;
    this.lossFunction = loss;
    this.paramNames = [...branchIn.flatMap((_, b) => [`a${b + 1}`, `b${b + 1}`]), "w_out"];
  }

  /**
   * Draws A₁, B₁, A₂, B₂, …, W_out from `init` in that order; with zeroBranchOutput every B_b is then set to zero
   * (the draws still happen, so both variants share every other weight).
   */
  static initialized(spec: ResidualMlpSpec, init: Initializer, rng: Rng, zeroBranchOutput: boolean): ResidualMlp {
    const { width, blocks, outputs } = spec;
    for (const [name, v] of [["width", width], ["blocks", blocks], ["outputs", outputs]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`ResidualMlp.initialized: expected ${name} to be a positive integer, got ${v}`);
    }
    const a: Matrix[] = [];
    const b: Matrix[] = [];
    for (let k = 0; k < blocks; k++) {
      a.push(init(width, width, rng));
      const out = init(width, width, rng);
      b.push(zeroBranchOutput ? Matrix.zeros(width, width) : out);
    }
    return new ResidualMlp(a, b, init(width, outputs, rng), spec.loss);
  }

  get params(): Matrix[] {
    return [...this.branchIn.flatMap((a, k) => [a, this.branchOut[k]]), this.output];
  }

  get blocks(): number {
    return this.branchIn.length;
  }

  forward(x: Matrix): ResidualMlpCache {
    if (!(x instanceof Matrix) || x.cols !== this.output.rows) {
      throw new Error(`ResidualMlp.forward: input x ${x instanceof Matrix ? shapeString(x) : typeof x} does not fit a stream of width ${this.output.rows}: expected shape (N,${this.output.rows})`);
    }
    const cache: ResidualMlpCache = { x, stream: [], pre: [], u: [], yPred: x };
    let s = x;
    for (let k = 0; k < this.blocks; k++) {
      const pre = denseForward(s, this.branchIn[k]); //   (N, D)
      const u = reluForward(pre); //                       (N, D)
      s = addInPlace(denseForward(u, this.branchOut[k]), s); // (N, D) = u·B + s
      cache.pre.push(pre);
      cache.u.push(u);
      cache.stream.push(s);
    }
    cache.yPred = denseForward(s, this.output); //        (N, outputs)
    return cache;
  }

  lossAndGradients(x: Matrix, y: Matrix): LossAndGradients {
    const cache = this.forward(x);
    assertShape("ResidualMlp: targets y", y, cache.yPred.rows, cache.yPred.cols);
    const loss = this.lossFunction.forward(cache.yPred, y);
    const last = cache.stream[this.blocks - 1];
    const top = denseBackward(this.lossFunction.backward(cache.yPred, y), last, this.output); // dW_out, ds (N, D)
    let ds = top.dx!;
    const grads: Matrix[] = new Array(2 * this.blocks + 1);
    grads[2 * this.blocks] = top.dw;
    for (let k = this.blocks - 1; k >= 0; k--) {
      const input = k === 0 ? x : cache.stream[k - 1];
      const outStep = denseBackward(ds, cache.u[k], this.branchOut[k]); //   dB = uᵀ·ds, du = ds·Bᵀ
      const dpre = reluBackward(outStep.dx!, cache.pre[k]);
      const inStep = denseBackward(dpre, input, this.branchIn[k]); //          dA = sᵀ·dpre, ds_branch = dpre·Aᵀ
      grads[2 * k] = inStep.dw;
      grads[2 * k + 1] = outStep.dw;
      ds = addInPlace(inStep.dx!, ds); // the skip path passes ds through unchanged and adds the branch's share
    }
    return { loss, grads, hidden: cache.u };
  }

  loss(x: Matrix, y: Matrix): number {
    const { yPred } = this.forward(x);
    assertShape("ResidualMlp: targets y", y, yPred.rows, yPred.cols);
    return this.lossFunction.forward(yPred, y);
  }
}
