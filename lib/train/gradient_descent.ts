// Plain full-batch gradient descent: W ← W − lr · ∂loss/∂W, the same batch every step, as in the tutorial.
// Returns what happened as data and prints nothing; notebooks decide what to show.

import { Matrix } from "../engine/matrix";
import { addScaledInPlace } from "../engine/elementwise";
import { Model } from "../nn/model";
import { OnStep, TrainHistory, checkTrainingArgs, checkTrainingCall, runTraining } from "./training_loop";

export type { TrainHistory } from "./training_loop";

export interface TrainOptions {
  learningRate: number;
  steps: number;
  onStep?: OnStep;
}

export function trainGradientDescent(model: Model, x: Matrix, y: Matrix, options: TrainOptions): TrainHistory {
  checkTrainingCall("trainGradientDescent", model, x, y, options);
  const { learningRate, steps } = options;
  checkTrainingArgs("trainGradientDescent", learningRate, steps, x, y);
  return runTraining(
    model,
    steps,
    () => model.lossAndGradients(x, y),
    (grads) => model.params.forEach((w, i) => addScaledInPlace(w, -learningRate, grads[i])),
    options.onStep,
  );
}
