// The reference tutorial's network, written out layer by layer:
//   x(N,1000) -> dense w1 -> ReLU -> dense w2 -> ReLU -> dense w3 -> yPred(N,10),  loss = Σ (yPred − y)²
// forward() and backward() are separate methods; backward() takes forward()'s steps in reverse order, one line each.

import { Matrix, assertFinite, assertShape, shapeString } from "../engine/matrix";
import { Rng } from "../engine/random";
import { denseBackward, denseForward } from "./dense";
import { reluBackward, reluForward } from "./relu";
import { sumOfSquaredErrors, sumOfSquaresLoss, sumOfSquaresLossBackward } from "./sum_of_squares_loss";
import { LossAndGradients, Model } from "./model";
import { ACTIVATIONS } from "./activation";
import { MlpSpec } from "./mlp";
import { expectObject } from "../engine/checks";

/** Layer sizes of a three-layer net. The tutorial's (TUTORIAL below) are 1000-100-100-10: its comments say 2000 hidden units; its code, and this course, use 100. */
export interface ThreeLayerSizes {
  inputDim: number;
  hidden1: number;
  hidden2: number;
  outputDim: number;
}

export const TUTORIAL: Readonly<ThreeLayerSizes & { batchSize: number; learningRate: number; steps: number }> = {
  batchSize: 128,
  inputDim: 1000,
  hidden1: 100,
  hidden2: 100,
  outputDim: 10,
  learningRate: 1e-6,
  steps: 1000,
};

/** The reference tutorial's network as an MlpSpec: 1000 → 100 → 100 → 10, ReLU, sum of squares. */
export const TUTORIAL_MLP: MlpSpec = {
  sizes: [TUTORIAL.inputDim, TUTORIAL.hidden1, TUTORIAL.hidden2, TUTORIAL.outputDim],
  activation: "relu",
  loss: sumOfSquaredErrors,
};

export interface ThreeLayerWeights {
  w1: Matrix; // (inputDim, hidden1)
  w2: Matrix; // (hidden1, hidden2)
  w3: Matrix; // (hidden2, outputDim)
}

/** Everything the backward pass needs from the forward pass. */
export interface ThreeLayerCache {
  x: Matrix; //  (N, inputDim)
  h1: Matrix; // (N, hidden1) before ReLU
  a1: Matrix; // (N, hidden1) after ReLU
  h2: Matrix; // (N, hidden2) before ReLU
  a2: Matrix; // (N, hidden2) after ReLU
  yPred: Matrix; // (N, outputDim)
}

export class ThreeLayerNet implements Model {
  readonly paramNames = ["w1", "w2", "w3"];
  readonly activation = ACTIVATIONS.relu;

  constructor(readonly weights: ThreeLayerWeights) {
    expectObject("ThreeLayerNet", "weights {w1, w2, w3}", weights);
    const { w1, w2, w3 } = weights;
    for (const [name, w] of Object.entries(weights)) {
      if (!(w instanceof Matrix)) throw new Error(`ThreeLayerNet: expected ${name} to be a Matrix, got ${typeof w}`);
      assertFinite(`ThreeLayerNet: weights ${name}`, w);
    }
    if (w1.cols !== w2.rows || w2.cols !== w3.rows) {
      throw new Error(
        `ThreeLayerNet: weight shapes do not chain: w1 ${shapeString(w1)}, w2 ${shapeString(w2)}, w3 ${shapeString(w3)} ` +
          `(expected w1.cols = w2.rows and w2.cols = w3.rows)`,
      );
    }
  }

  /** Draws w1, w2, w3 with entries N(0, std²); std 1 is the tutorial's choice. */
  static randomNormal(rng: Rng, std = 1, sizes: ThreeLayerSizes = TUTORIAL): ThreeLayerNet {
    return new ThreeLayerNet({
      w1: rng.randn(sizes.inputDim, sizes.hidden1, std),
      w2: rng.randn(sizes.hidden1, sizes.hidden2, std),
      w3: rng.randn(sizes.hidden2, sizes.outputDim, std),
    });
  }

  get params(): Matrix[] {
    return [this.weights.w1, this.weights.w2, this.weights.w3];
  }

  forward(x: Matrix): ThreeLayerCache {
    const { w1, w2, w3 } = this.weights;
    assertShape("ThreeLayerNet.forward: input x", x, x.rows, w1.rows);
    const h1 = denseForward(x, w1); //     (N, H1)
    const a1 = reluForward(h1); //         (N, H1)
    const h2 = denseForward(a1, w2); //    (N, H2)
    const a2 = reluForward(h2); //         (N, H2)
    const yPred = denseForward(a2, w3); // (N, D_out)
    return { x, h1, a1, h2, a2, yPred };
  }

  /** Gradients of Σ (yPred − y)² with respect to w1, w2, w3, by the chain rule in reverse order. */
  backward(cache: ThreeLayerCache, y: Matrix): { w1: Matrix; w2: Matrix; w3: Matrix } {
    const { w1, w2, w3 } = this.weights;
    const { x, h1, a1, h2, a2, yPred } = cache;
    const dyPred = sumOfSquaresLossBackward(yPred, y); //            (N, D_out) = 2 (yPred − y)
    const layer3 = denseBackward(dyPred, a2, w3); //                  dw3 (H2, D_out) = a2ᵀ·dyPred; da2 (N, H2) = dyPred·w3ᵀ
    const dh2 = reluBackward(layer3.dx!, h2); //                      (N, H2): zero where h2 ≤ 0
    const layer2 = denseBackward(dh2, a1, w2); //                     dw2 (H1, H2) = a1ᵀ·dh2;   da1 (N, H1) = dh2·w2ᵀ
    const dh1 = reluBackward(layer2.dx!, h1); //                      (N, H1): zero where h1 ≤ 0
    const layer1 = denseBackward(dh1, x, w1, false); //               dw1 (D_in, H1) = xᵀ·dh1
    return { w1: layer1.dw, w2: layer2.dw, w3: layer3.dw };
  }

  lossAndGradients(x: Matrix, y: Matrix): LossAndGradients {
    const cache = this.forward(x);
    assertShape("ThreeLayerNet: targets y", y, cache.yPred.rows, cache.yPred.cols);
    const loss = sumOfSquaresLoss(cache.yPred, y);
    const g = this.backward(cache, y);
    return { loss, grads: [g.w1, g.w2, g.w3], hidden: [cache.a1, cache.a2] };
  }

  loss(x: Matrix, y: Matrix): number {
    const { yPred } = this.forward(x);
    assertShape("ThreeLayerNet: targets y", y, yPred.rows, yPred.cols);
    return sumOfSquaresLoss(yPred, y);
  }

  clone(): ThreeLayerNet {
    const { w1, w2, w3 } = this.weights;
    return new ThreeLayerNet({ w1: w1.clone(), w2: w2.clone(), w3: w3.clone() });
  }
}
