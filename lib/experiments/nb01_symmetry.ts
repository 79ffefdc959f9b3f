// Symmetry: zero and constant initialization of the tutorial's net. Hidden units that start equal receive equal
// gradients, so they stay equal at every step: the layer behaves like a single unit, however wide it is.

import { addScaledInPlace } from "../engine/elementwise";
import { Matrix } from "../engine/matrix";
import { sumOfSquares } from "../engine/reductions";
import { ThreeLayerNet, TUTORIAL } from "../nn/three_layer_net";
import { HE_STDS, tutorialProblemWithStds } from "./nb01_fate";

export interface SymmetryRun {
  name: string;
  loss: number[];
  sumOfSquaredTargets: number;
  /** After training: the largest |W[:, j] − W[:, 0]| over all units j of W₁ and W₂ (0 when all hidden units are equal). */
  unitSpreadW1: number;
  unitSpreadW2: number;
  /** Largest |weight change| over all of W₁, W₂, W₃ during training (0 when nothing ever moved). */
  maxWeightChange: number;
}

function columnSpread(m: Matrix): number {
  let spread = 0;
  for (let i = 0; i < m.rows; i++) {
    const ref = m.data[i * m.cols];
    for (let j = 1; j < m.cols; j++) spread = Math.max(spread, Math.abs(m.data[i * m.cols + j] - ref));
  }
  return spread;
}

function train(name: string, net: ThreeLayerNet, x: Matrix, y: Matrix, learningRate: number, steps: number): SymmetryRun {
  const start = net.clone();
  const loss: number[] = [];
  for (let t = 0; t <= steps; t++) {
    const { loss: l, grads } = net.lossAndGradients(x, y);
    loss.push(l);
    if (t < steps) net.params.forEach((w, i) => addScaledInPlace(w, -learningRate, grads[i]));
  }
  let maxWeightChange = 0;
  net.params.forEach((w, i) => w.data.forEach((v, k) => (maxWeightChange = Math.max(maxWeightChange, Math.abs(v - start.params[i].data[k])))));
  return {
    name, loss, sumOfSquaredTargets: sumOfSquares(y),
    unitSpreadW1: columnSpread(net.weights.w1), unitSpreadW2: columnSpread(net.weights.w2), maxWeightChange,
  };
}

/**
 * The tutorial's data (seed `seed`) trained from all-zero weights, from every weight equal to `constant`, and from He's
 * random draw, with the same rate and steps. The constant is scaled per layer like He's std so the loss starts near Σy².
 */
export function symmetryRuns(seed = 0, learningRate = 1e-4, steps = 20): SymmetryRun[] {
  const { x, y, net: he } = tutorialProblemWithStds(seed, HE_STDS);
  const filled = (f: number) =>
    new ThreeLayerNet({
      w1: Matrix.filled(TUTORIAL.inputDim, TUTORIAL.hidden1, f * HE_STDS[0]),
      w2: Matrix.filled(TUTORIAL.hidden1, TUTORIAL.hidden2, f * HE_STDS[1]),
      w3: Matrix.filled(TUTORIAL.hidden2, TUTORIAL.outputDim, f * HE_STDS[2]),
    });
  return [
    train("zeros", filled(0), x, y, learningRate, steps),
    train("constant (0.1 × He's std per layer)", filled(0.1), x, y, learningRate, steps),
    train("He (random)", he, x, y, learningRate, steps),
  ];
}
