// Section 8 of notebook 05 (its last experiment): what a learner gets from tf.layers.dense with no initializer.
// tfjs's Dense defaults to glorotNormal, and tfjs's "normal" VarianceScaling draws from a normal truncated at ±2σ
// without rescaling, so each weight's std is about 0.88 of the formula's. Under ReLU, with fan_in = fan_out = n,
// Glorot's Var(W) = 1/n then gives a per-layer factor √(½ · n · 0.7737/n) ≈ 0.62 on the activations' scale.
// The fixed version asks VarianceScaling for He's scale divided by 0.8796², so the truncated draw has Var = 2/n.
// Every initializer here is seeded (tfjs's default itself draws with Math.random, so it cannot be repeated).

import * as tf from "@tensorflow/tfjs";
import { Rng } from "../engine/random";
import { matrixToTensor } from "../tfjs/convert";
import { TRUNCATED_STD_RATIO } from "../init/variance_scaling";
import { layerOutputStd } from "./nb04_deep_init";

export interface TfDefaultsOptions { depth: number; width: number; batchSize: number; seed: number }

export const TFJS_DEFAULTS: Readonly<TfDefaultsOptions> = { depth: 30, width: 128, batchSize: 64, seed: 3 };

export type TfStart = "default (glorotNormal)" | "heNormal" | "He, truncation corrected";
export const TF_STARTS: readonly TfStart[] = ["default (glorotNormal)", "heNormal", "He, truncation corrected"];

/** The initializer tf.layers.dense uses when given none, read from a fresh layer: its class and its configuration. */
export function defaultKernelInitializer(): { className: string; config: Record<string, unknown> } {
  const layer = tf.layers.dense({ units: 4, inputShape: [4] });
  const model = tf.sequential({ layers: [layer] });
  try {
    const init = (layer as unknown as { kernelInitializer: { getClassName(): string; getConfig(): Record<string, unknown> } }).kernelInitializer;
    return { className: init.getClassName(), config: init.getConfig() };
  } finally {
    model.dispose();
  }
}

function initializerFor(start: TfStart, seed: number) {
  switch (start) {
    case "default (glorotNormal)": return tf.initializers.glorotNormal({ seed });
    case "heNormal": return tf.initializers.heNormal({ seed });
    case "He, truncation corrected":
      return tf.initializers.varianceScaling({ scale: 2 / TRUNCATED_STD_RATIO ** 2, mode: "fanIn", distribution: "normal", seed });
    default: throw new Error(`nb05 tfjs: expected one of ${TF_STARTS.join(", ")}, got ${JSON.stringify(start)}`);
  }
}

export interface TfDefaultsRun {
  start: TfStart;
  /** std of the first layer's kernel / the formula's std (Glorot for the default, He otherwise). */
  weightStdRatio: number;
  /** std of each ReLU layer's output, layer 1 first. */
  activationStd: number[];
}

export function tfDefaultsRun(start: TfStart, o: TfDefaultsOptions = TFJS_DEFAULTS): TfDefaultsRun {
  const model = tf.sequential();
  for (let l = 0; l < o.depth; l++) {
    model.add(tf.layers.dense({ units: o.width, useBias: false, activation: "relu", kernelInitializer: initializerFor(start, o.seed * 1000 + l + 1), ...(l === 0 ? { inputShape: [o.width] } : {}) }));
  }
  const x = matrixToTensor(new Rng(o.seed).randn(o.batchSize, o.width));
  try {
    const kernel = model.layers[0].getWeights()[0];
    const drawn = Math.sqrt(tf.tidy(() => tf.moments(kernel).variance.dataSync()[0]));
    const formula = start === "default (glorotNormal)" ? Math.sqrt(2 / (2 * o.width)) : Math.sqrt(2 / o.width);
    return { start, weightStdRatio: drawn / formula, activationStd: layerOutputStd(model, x as tf.Tensor2D) };
  } finally {
    x.dispose();
    model.dispose();
  }
}
