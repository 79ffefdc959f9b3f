// The playground's network: a deep MLP trained in TensorFlow.js, in the reader's browser (rendered/playground.html)
// or in Node (its tests). Its weights come from the course's own initializers (lib/init), drawn by the course's seeded
// generator and handed to tfjs as float32 tensors; tfjs then runs forward, autograd and plain SGD. Each step reports
// the loss and every hidden layer's activation std, so a page can draw them live.
//
// Task: a fixed batch of standard-normal inputs and targets, mean squared loss — the random-regression setup of
// notebook 03's deep experiment, small enough to train in a second or two on the cpu backend.

import * as tf from "@tensorflow/tfjs";
import { Rng } from "../engine/random";
import { Initializer } from "../init/initializer";
import { heNormal, naiveNormal, smallNormal, xavierNormal } from "../init/presets";
import { zerosInit } from "../init/zeros";
import { Matrix } from "../engine/matrix";
import { matrixToTensor, tensorToMatrix } from "../tfjs/convert";

/** The starts a reader can pick, by the names the notebooks use. */
export const PLAYGROUND_INITS: Record<string, () => Initializer> = {
  zeros: zerosInit,
  "naive N(0,1)": naiveNormal,
  "small N(0,0.01²)": () => smallNormal(0.01),
  Xavier: xavierNormal,
  He: heNormal,
};
export const PLAYGROUND_ACTIVATIONS = ["relu", "tanh"] as const;
export type PlaygroundActivation = (typeof PLAYGROUND_ACTIVATIONS)[number];

export interface PlaygroundSpec {
  init: string;
  /** Hidden layers; a linear output layer follows them. */
  depth: number;
  activation: PlaygroundActivation;
  width: number;
  inputDim: number;
  outputDim: number;
  batchSize: number;
  learningRate: number;
  steps: number;
  seed: number;
}

export const PLAYGROUND_DEFAULTS: PlaygroundSpec = {
  init: "He",
  depth: 10,
  activation: "relu",
  width: 64,
  inputDim: 64,
  outputDim: 10,
  batchSize: 16,
  learningRate: 0.01,
  steps: 200,
  seed: 1,
};

export interface PlaygroundStep {
  /** Loss before this step's update (step 0 = the fresh network). */
  step: number;
  loss: number;
  /** Std of each hidden layer's activations in the same forward pass. */
  layerStd: number[];
}

// tfjs variable names must be unique while they live; a counter keeps them so without any randomness.
let runCount = 0;

/** One training run, advanced a step at a time so a page can redraw between steps. Call dispose() when done. */
export class PlaygroundRun {
  readonly spec: PlaygroundSpec;
  private readonly weights: tf.Variable[];
  private readonly x: tf.Tensor2D;
  private readonly y: tf.Tensor2D;
  private readonly optimizer: tf.SGDOptimizer;
  private stepsDone = 0;
  /** The step at which the loss stopped being a finite number, or null. */
  divergedAtStep: number | null = null;

  constructor(spec: Partial<PlaygroundSpec> = {}) {
    this.spec = checkSpec({ ...PLAYGROUND_DEFAULTS, ...spec });
    const { depth, width, inputDim, outputDim, batchSize, seed } = this.spec;
    runCount++;
    const rng = new Rng(seed);
    const init = PLAYGROUND_INITS[this.spec.init]();
    // Data first, then the weights, from one generator: every start of the same seed sees the same data.
    const x = rng.randn(batchSize, inputDim);
    const y = rng.randn(batchSize, outputDim);
    const sizes = [inputDim, ...Array<number>(depth).fill(width), outputDim];
    const drawn = sizes.slice(1).map((n, l) => init(sizes[l], n, rng.fork()));
    this.x = matrixToTensor(x, "playground inputs");
    this.y = matrixToTensor(y, "playground targets");
    this.weights = drawn.map((w, l) => {
      const t = matrixToTensor(w, `playground W${l + 1}`);
      const v = tf.variable(t, true, `playground_run${runCount}_w${l + 1}`);
      t.dispose();
      return v;
    });
    this.optimizer = tf.train.sgd(this.spec.learningRate);
  }

  get done(): boolean {
    return this.stepsDone > this.spec.steps || this.divergedAtStep !== null;
  }

  /** Forward pass with the current weights: loss and per-layer std; then (unless this was the last step) one SGD update. */
  step(): PlaygroundStep {
    if (this.done) throw new Error(`PlaygroundRun.step: the run is over (${this.divergedAtStep !== null ? `diverged at step ${this.divergedAtStep}` : `${this.spec.steps} steps done`})`);
    const t = this.stepsDone;
    const act = this.spec.activation === "relu" ? tf.relu : tf.tanh;
    const stds: tf.Scalar[] = [];
    const lossFn = (): tf.Scalar => {
      let a: tf.Tensor = this.x;
      for (let l = 0; l < this.weights.length - 1; l++) {
        a = act(tf.matMul(a, this.weights[l]));
        stds.push(tf.keep(tf.sqrt(tf.moments(a).variance)) as tf.Scalar);
      }
      return tf.losses.meanSquaredError(this.y, tf.matMul(a, this.weights[this.weights.length - 1])) as tf.Scalar;
    };
    let loss: number;
    if (t === this.spec.steps) {
      const final = tf.tidy(() => lossFn());
      loss = final.dataSync()[0];
      final.dispose();
    } else {
      const cost = this.optimizer.minimize(lossFn, true, this.weights)!;
      loss = cost.dataSync()[0];
      cost.dispose();
    }
    const layerStd = stds.map((s) => s.dataSync()[0]);
    stds.forEach((s) => s.dispose());
    if (!Number.isFinite(loss)) this.divergedAtStep = t;
    this.stepsDone++;
    return { step: t, loss, layerStd };
  }

  /** Weight matrix l (0 = the first layer's) as the run holds it now, in float64. */
  weight(l: number): Matrix {
    if (!Number.isInteger(l) || l < 0 || l >= this.weights.length) {
      throw new Error(`PlaygroundRun.weight: expected a layer index 0–${this.weights.length - 1}, got ${l}`);
    }
    return tensorToMatrix(this.weights[l], `playground W${l + 1}`);
  }

  dispose(): void {
    this.weights.forEach((w) => w.dispose());
    this.x.dispose();
    this.y.dispose();
    this.optimizer.dispose();
  }
}

function checkSpec(spec: PlaygroundSpec): PlaygroundSpec {
  if (!(spec.init in PLAYGROUND_INITS)) {
    throw new Error(`playground: unknown initializer ${JSON.stringify(spec.init)}: expected one of ${Object.keys(PLAYGROUND_INITS).map((n) => JSON.stringify(n)).join(", ")}`);
  }
  if (!(PLAYGROUND_ACTIVATIONS as readonly string[]).includes(spec.activation)) {
    throw new Error(`playground: expected activation "relu" or "tanh", got ${JSON.stringify(spec.activation)}`);
  }
  for (const key of ["depth", "width", "inputDim", "outputDim", "batchSize", "seed"] as const) {
    if (!Number.isInteger(spec[key]) || spec[key] < 1) throw new Error(`playground: expected ${key} to be a positive integer, got ${spec[key]}`);
  }
  if (!Number.isInteger(spec.steps) || spec.steps < 0) throw new Error(`playground: expected steps to be a non-negative integer, got ${spec.steps}`);
  if (!(spec.learningRate > 0 && Number.isFinite(spec.learningRate))) throw new Error(`playground: expected a positive learning rate, got ${spec.learningRate}`);
  return spec;
}
