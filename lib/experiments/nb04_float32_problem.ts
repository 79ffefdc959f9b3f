// The problem notebook 04 and its tests train on: the tutorial's shapes and data, He-initialised weights
// (lib's heNormal, Var = 2/fan_in) and lr 1e-4, where the loss falls steadily for hundreds of steps, so float32 (tfjs)
// and float64 (lib) runs can be compared step by step. Every value is rounded to float32 up front, so both start
// from identical numbers and any difference comes from the arithmetic alone.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { heNormal } from "../init/presets";
import { ThreeLayerWeights, TUTORIAL } from "../nn/three_layer_net";
import { roundToFloat32 } from "../tfjs/convert";
import { tutorialData } from "./nb01_tutorial_runs";
import { checkOptions } from "../engine/checks";

export interface Float32Problem {
  x: Matrix; //       (128, 1000)
  y: Matrix; //       (128, 10)
  weights: ThreeLayerWeights;
  learningRate: number;
}

export function float32TutorialProblem(seed: number): Float32Problem {
  const rng = new Rng(seed);
  const { inputDim: d, hidden1: h1, hidden2: h2, outputDim: k } = TUTORIAL;
  const data = tutorialData(rng);
  const [x, y] = [roundToFloat32(data.x), roundToFloat32(data.y)];
  const he = heNormal();
  return {
    x,
    y,
    weights: { w1: roundToFloat32(he(d, h1, rng)), w2: roundToFloat32(he(h1, h2, rng)), w3: roundToFloat32(he(h2, k, rng)) },
    learningRate: 1e-4,
  };
}

export function cloneWeights(w: ThreeLayerWeights): ThreeLayerWeights {
  checkOptions("cloneWeights", "w {w1, w2, w3}", w);
  return { w1: w.w1.clone(), w2: w.w2.clone(), w3: w.w3.clone() };
}
