// Section 5 of notebook 05, on real data: LSUV against He on notebook 03's digits net (784 → 100 ×4 → 10, ReLU,
// softmax cross-entropy, minibatch SGD). He's formula assumes unit-variance inputs; MNIST pixels in [0, 1] have a
// mean square near 0.1, so under He the first layer starts at about a tenth of the variance the formula promises.
// LSUV measures a batch of real images instead of assuming anything, so it starts every layer at variance 1.
//
// Both starts of a seed draw their weights, then their batches, from one Rng(seed), exactly as notebook 03's
// digitsRun does: the He run here is notebook 03's He run of that seed.

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { std } from "../engine/reductions";
import { orthogonal } from "../init/orthogonal";
import { standardInitializer } from "../init/presets";
import { Mlp } from "../nn/mlp";
import { softmaxCrossEntropyLoss } from "../nn/softmax_cross_entropy";
import { lsuv } from "../train/lsuv";
import { DigitsData, DigitsRun, digitsData, digitsSizes, trainDigitsNet } from "./nb03_xavier_he";

export const DIGITS_STARTS = ["He", "LSUV"] as const;
export type DigitsStart = (typeof DIGITS_STARTS)[number];

/** LSUV's batch: the first this many training images. */
export const LSUV_BATCH_ROWS = 256;

export interface DigitsStartRun extends DigitsRun {
  start: DigitsStart;
  /** Var(h) per layer (pre-activation, 5 layers) on LSUV's batch, with the starting weights. */
  startVariance: number[];
  /** Mean of x² over LSUV's batch: the input "variance" He's formula takes to be 1. */
  inputMeanSquare: number;
}

let cachedData: DigitsData | null = null; // loading and splitting MNIST takes a moment; every run uses the same split

/** One seed's digits net from the named start, trained as in notebook 03. */
export function digitsStartRun(start: DigitsStart, seed: number): DigitsStartRun {
  if (!DIGITS_STARTS.includes(start)) throw new Error(`digitsStartRun: expected a start of ${DIGITS_STARTS.join(" or ")}, got ${JSON.stringify(start)}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`digitsStartRun: expected a non-negative integer seed, got ${seed}`);
  const data = (cachedData ??= digitsData());
  const batch = lsuvBatch(data);
  const rng = new Rng(seed);
  const spec = { sizes: digitsSizes(), activation: "relu" as const, loss: softmaxCrossEntropyLoss };
  const net = Mlp.initialized(spec, start === "He" ? standardInitializer("He").init : orthogonal(1), rng);
  if (start === "LSUV") lsuv(net, batch);
  const startVariance = net.forward(batch).h.map((h) => std(h) ** 2);
  let sq = 0;
  for (const v of batch.data) sq += v * v;
  return { ...trainDigitsNet(data, net, rng, start, seed), start, startVariance, inputMeanSquare: sq / batch.data.length };
}

function lsuvBatch(data: DigitsData): Matrix {
  const cols = data.train.x.cols;
  return new Matrix(LSUV_BATCH_ROWS, cols, data.train.x.data.slice(0, LSUV_BATCH_ROWS * cols));
}
