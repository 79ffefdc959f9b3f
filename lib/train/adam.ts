// Adam (Kingma & Ba 2015), full batch: per weight, running averages of the gradient (m) and of its square (v), and a
// step of −lr · m̂ / (√v̂ + ε) with the bias-corrected m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). The step is about lr
// whatever the gradient's size, which is what might rescue a badly scaled start, until the gradient falls below ε:
// then the step shrinks to lr · |g| / ε. Returns the same history as trainGradientDescent and prints nothing.

import { Matrix } from "../engine/matrix";
import { Model } from "../nn/model";
import { OnStep, TrainHistory, checkTrainingArgs, checkTrainingCall, runTraining } from "./training_loop";
import { describeValue } from "../engine/checks";

export interface AdamOptions {
  learningRate: number;
  steps: number;
  /** Defaults 0.9, 0.999 and 1e-8, as in the paper, PyTorch and tf.train.adam (tfjs's ε is 1e-7 in float32). */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  onStep?: OnStep;
}

/** The state Adam keeps per weight matrix, and one update. Exposed so tests can follow single steps. */
export class AdamState {
  readonly m: Matrix[];
  readonly v: Matrix[];
  t = 0;

  constructor(params: Matrix[], readonly beta1 = 0.9, readonly beta2 = 0.999, readonly epsilon = 1e-8) {
    if (!Array.isArray(params) || !params.every((p) => p instanceof Matrix)) {
      throw new Error(`AdamState: expected params to be an array of Matrix, got ${describeValue(params)}`);
    }
    for (const [name, b] of [["beta1", beta1], ["beta2", beta2]] as const) {
      if (!(b >= 0 && b < 1)) throw new Error(`Adam: expected ${name} in [0, 1), got ${b}`);
    }
    if (!(epsilon > 0)) throw new Error(`Adam: expected a positive epsilon, got ${epsilon}`);
    this.m = params.map((p) => new Matrix(p.rows, p.cols));
    this.v = params.map((p) => new Matrix(p.rows, p.cols));
  }

  /** Moves every params[i] in place by −lr · m̂ / (√v̂ + ε), after folding grads[i] into the averages. */
  step(params: Matrix[], grads: Matrix[], learningRate: number): void {
    if (params.length !== this.m.length || grads.length !== params.length) {
      throw new Error(`Adam.step: expected ${this.m.length} parameter and gradient matrices, got ${params.length} and ${grads.length}`);
    }
    this.t += 1;
    const { beta1, beta2, epsilon } = this;
    const c1 = 1 - Math.pow(beta1, this.t);
    const c2 = 1 - Math.pow(beta2, this.t);
    params.forEach((p, i) => {
      const g = grads[i].data, m = this.m[i].data, v = this.v[i].data, w = p.data;
      if (g.length !== w.length) throw new Error(`Adam.step: gradient ${i} has ${g.length} entries, its parameter ${w.length}`);
      for (let k = 0; k < w.length; k++) {
        m[k] = beta1 * m[k] + (1 - beta1) * g[k];
        v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
        w[k] -= (learningRate * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + epsilon);
      }
    });
  }
}

export function trainAdam(model: Model, x: Matrix, y: Matrix, options: AdamOptions): TrainHistory {
  checkTrainingCall("trainAdam", model, x, y, options);
  const { learningRate, steps } = options;
  checkTrainingArgs("trainAdam", learningRate, steps, x, y);
  const state = new AdamState(model.params, options.beta1, options.beta2, options.epsilon);
  return runTraining(model, steps, () => model.lossAndGradients(x, y), (grads) => state.step(model.params, grads, learningRate), options.onStep);
}
