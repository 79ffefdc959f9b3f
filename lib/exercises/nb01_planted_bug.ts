// A three-layer net with one planted bug in its backward pass, for notebook 01's gradient-check exercise.
// The bug is a classic: the first layer's ReLU derivative uses the *second* layer's mask [h₂ > 0] instead of [h₁ > 0]
// (the two hidden layers have the same width, so nothing fails on shapes). Only ∂L/∂W₁ is wrong.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { denseBackward } from "../nn/dense";
import { reluBackward } from "../nn/relu";
import { sumOfSquaresLossBackward } from "../nn/sum_of_squares_loss";
import { ThreeLayerCache, ThreeLayerNet } from "../nn/three_layer_net";

export class PlantedBugNet extends ThreeLayerNet {
  override backward(cache: ThreeLayerCache, y: Matrix): { w1: Matrix; w2: Matrix; w3: Matrix } {
    const { w1, w2, w3 } = this.weights;
    const { x, a1, h2, a2, yPred } = cache;
    const dyPred = sumOfSquaresLossBackward(yPred, y);
    const layer3 = denseBackward(dyPred, a2, w3);
    const dh2 = reluBackward(layer3.dx!, h2);
    const layer2 = denseBackward(dh2, a1, w2);
    const dh1 = reluBackward(layer2.dx!, h2); // the planted bug: h2 where h1 belongs
    const layer1 = denseBackward(dh1, x, w1, false);
    return { w1: layer1.dw, w2: layer2.dw, w3: layer3.dw };
  }
}

/** The name of the weight matrix whose gradient is wrong. */
export const PLANTED_BUG_PARAM = "w1";

export interface PlantedBugProblem {
  net: PlantedBugNet;
  x: Matrix; // (8, 12)
  y: Matrix; // (8, 3)
}

/** A small problem (8 samples, 12 → 6 → 6 → 3) with the buggy net, the same for every call. */
export function plantedBugProblem(): PlantedBugProblem {
  const rng = new Rng(16);
  const x = rng.randn(8, 12);
  const y = rng.randn(8, 3);
  const sizes = { inputDim: 12, hidden1: 6, hidden2: 6, outputDim: 3 };
  const w = ThreeLayerNet.randomNormal(rng, 0.5, sizes).weights;
  return { net: new PlantedBugNet(w), x, y };
}
