// Adam at notebook 05's learning rate, returning the same TrainHistory as gradient descent.

import { Matrix } from "../engine/matrix";
import { Model } from "../nn/model";
import { TrainHistory } from "../train/gradient_descent";
import { trainAdam } from "../train/adam";
import { BEYOND } from "./nb05_config";

export function adamTrain(model: Model, x: Matrix, y: Matrix, steps: number): TrainHistory {
  return trainAdam(model, x, y, { learningRate: BEYOND.adam.learningRate, steps });
}
