// The network as our own tf.layers.Layer subclass: the analogue of a PyTorch nn.Module. We declare the weights in
// build() (tfjs owns, initialises, tracks and trains them) and write only the forward pass in call().

import * as tf from "@tensorflow/tfjs";
import { TfInitName, kernelInitializer } from "./initializers";
import { checkOptions } from "../engine/checks";

export interface ThreeLayerModuleArgs {
  inputDim: number;
  hidden1: number;
  hidden2: number;
  outputDim: number;
  init: TfInitName;
  /** Positive; w1, w2, w3 are drawn with seed, seed + 1, seed + 2 (the same seeds as denseStack's three layers). */
  seed: number;
  name?: string;
}

export class ThreeLayerModule extends tf.layers.Layer {
  static readonly className = "ThreeLayerModule";
  readonly args: ThreeLayerModuleArgs;
  private w1: tf.LayerVariable | null = null;
  private w2: tf.LayerVariable | null = null;
  private w3: tf.LayerVariable | null = null;

  constructor(args: ThreeLayerModuleArgs) {
    super({ name: checkedArgs(args).name, inputShape: [args.inputDim] });
    for (const key of ["inputDim", "hidden1", "hidden2", "outputDim"] as const) {
      if (!Number.isInteger(args[key]) || args[key] < 1) {
        throw new Error(`ThreeLayerModule: expected ${key} to be a positive integer, got ${args[key]}`);
      }
    }
    kernelInitializer(args.init, args.seed); // validates init and seed now rather than at build time
    this.args = { ...args };
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1];
    const { hidden1, hidden2, outputDim, init, seed } = this.args;
    if (inputDim !== this.args.inputDim) {
      throw new Error(`ThreeLayerModule: built for inputs (N,${this.args.inputDim}), got (${shape.map(String).join(",")})`);
    }
    this.w1 = this.addWeight("w1", [inputDim, hidden1], "float32", kernelInitializer(init, seed));
    this.w2 = this.addWeight("w2", [hidden1, hidden2], "float32", kernelInitializer(init, seed + 1));
    this.w3 = this.addWeight("w3", [hidden2, outputDim], "float32", kernelInitializer(init, seed + 2));
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0], this.args.outputDim];
  }

  // x (N, D_in) -> relu(relu(x·w1)·w2)·w3 (N, D_out)
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor2D;
      const a1 = tf.relu(tf.matMul(x, this.w1!.read() as tf.Tensor2D));
      const a2 = tf.relu(tf.matMul(a1, this.w2!.read() as tf.Tensor2D));
      return tf.matMul(a2, this.w3!.read() as tf.Tensor2D);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { inputDim, hidden1, hidden2, outputDim, init, seed } = this.args;
    return { ...super.getConfig(), inputDim, hidden1, hidden2, outputDim, init, seed };
  }
}
// Lets tfjs save and load models that contain this layer.
tf.serialization.registerClass(ThreeLayerModule);

/** A one-layer tf.sequential around ThreeLayerModule, so it gets compile/fit/predict like any tfjs model. */
/** args must be an object before super() reads its name (a check inside super's argument runs first). */
function checkedArgs(args: ThreeLayerModuleArgs): ThreeLayerModuleArgs {
  checkOptions("ThreeLayerModule", "args", args);
  return args;
}

export function threeLayerModuleModel(args: ThreeLayerModuleArgs): tf.Sequential {
  checkOptions("threeLayerModuleModel", "args", args);
  return tf.sequential({ layers: [new ThreeLayerModule(args)] });
}
