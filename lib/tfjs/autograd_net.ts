// Step 2: the same network, but only the forward pass is written. The weights are tf.variables and
// tf.variableGrads records the forward ops and runs the chain rule backwards for us.

import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../engine/matrix";
import { ThreeLayerWeights } from "../nn/three_layer_net";
import { assertBatch, assertInput, assertLearningRate, assertThreeLayerWeights, assertTrainingCall } from "./check_args";
import { matrixToTensor, tensorToMatrix } from "./convert";
import { tidyData } from "./tidy_data";
import { sumOfSquaresTf } from "./sum_of_squares_tf";
import { TfTrainHistory, TfTrainOptions, runTrainingLoop } from "./train_loop";

export class TfAutogradNet {
  /** w1 (D_in, H1), w2 (H1, H2), w3 (H2, D_out), as trainable float32 variables. */
  readonly variables: [tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R2>];
  readonly paramNames = ["w1", "w2", "w3"];
  private disposed = false;

  /** Copies the lib's float64 weights (rounded to float32) into new variables. */
  constructor(weights: ThreeLayerWeights) {
    assertThreeLayerWeights("TfAutogradNet", weights); // before any tensor exists
    const { w1, w2, w3 } = weights;
    const tensors = [matrixToTensor(w1, "TfAutogradNet: w1"), matrixToTensor(w2, "TfAutogradNet: w2"), matrixToTensor(w3, "TfAutogradNet: w3")];
    // tf.variable copies its initial value, so the temporary tensors can go.
    this.variables = tensors.map((t) => tf.variable(t)) as [tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R2>];
    tf.dispose(tensors);
  }

  get inputDim(): number {
    return this.variables[0].shape[0];
  }

  get outputDim(): number {
    return this.variables[2].shape[1];
  }

  // x (N, D_in) -> yPred (N, D_out). Nothing about gradients here: tfjs records these ops when asked to.
  predict(x: tf.Tensor2D): tf.Tensor2D {
    this.assertLive();
    assertInput("TfAutogradNet.predict", x, this.inputDim);
    const [w1, w2, w3] = this.variables;
    return tf.tidy(() => tf.matMul(tf.relu(tf.matMul(tf.relu(tf.matMul(x, w1)), w2)), w3));
  }

  // -> scalar Σ (yPred − y)²
  loss(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
    assertBatch("TfAutogradNet.loss", x, y, this.inputDim, this.outputDim);
    return tf.tidy(() => sumOfSquaresTf(this.predict(x), y));
  }

  /** Loss and ∂loss/∂w1..w3 by tf.variableGrads, read back as float64 Matrices (for comparing with the lib). */
  lossAndGradients(x: tf.Tensor2D, y: tf.Tensor2D): { loss: number; grads: Matrix[] } {
    return tidyData(() => {
      const { value, grads } = tf.variableGrads(() => this.loss(x, y), this.variables);
      return { loss: value.dataSync()[0], grads: this.variables.map((v) => tensorToMatrix(grads[v.name])) };
    });
  }

  /** One plain gradient-descent step, w ← w − lr·∂loss/∂w; returns the loss before the update. */
  sgdStep(x: tf.Tensor2D, y: tf.Tensor2D, learningRate: number): number {
    assertLearningRate("TfAutogradNet.sgdStep", learningRate);
    return tidyData(() => {
      const { value, grads } = tf.variableGrads(() => this.loss(x, y), this.variables);
      const loss = value.dataSync()[0];
      if (Number.isFinite(loss)) {
        for (const v of this.variables) v.assign(tf.sub(v, tf.mul(learningRate, grads[v.name])));
      }
      return loss;
    });
  }

  /** The current weights as float64 Matrices. */
  getWeights(): ThreeLayerWeights {
    this.assertLive();
    const [w1, w2, w3] = this.variables.map((v) => tensorToMatrix(v));
    return { w1, w2, w3 };
  }

  dispose(): void {
    if (!this.disposed) tf.dispose(this.variables);
    this.disposed = true;
  }

  private assertLive(): void {
    if (this.disposed) throw new Error("TfAutogradNet: used after dispose()");
  }
}

/** Plain gradient descent on a TfAutogradNet, training the net in place. x, y are lib Matrices (converted once). */
export function trainAutograd(net: TfAutogradNet, x: Matrix, y: Matrix, options: TfTrainOptions): TfTrainHistory {
  if (!(net instanceof TfAutogradNet)) throw new Error(`trainAutograd: expected net to be a TfAutogradNet, got ${net === null ? "null" : typeof net}`);
  assertTrainingCall("trainAutograd", x, y, net.inputDim, net.outputDim, options);
  const xt = matrixToTensor(x, "trainAutograd: inputs x");
  const yt = matrixToTensor(y, "trainAutograd: targets y");
  try {
    assertBatch("trainAutograd", xt, yt, net.inputDim, net.outputDim);
    return runTrainingLoop("trainAutograd", options.steps, () => net.sgdStep(xt, yt, options.learningRate), options.onStep, () => ({
      names: net.paramNames,
      tensors: net.variables,
    }));
  } finally {
    tf.dispose([xt, yt]);
  }
}
