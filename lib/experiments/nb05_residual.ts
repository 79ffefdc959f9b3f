// Section 4 of notebook 05: a 64-block residual MLP, every matrix drawn with He, with and without the last layer of
// each branch set to zero (Fixup, Zhang et al. 2019). Same draws for both (ResidualMlp.initialized draws B and then
// zeroes it).

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { describeValue } from "../engine/checks";
import { std } from "../engine/reductions";
import { heNormal } from "../init/presets";
import { meanSquared } from "../nn/mean_squared_loss";
import { ResidualMlp } from "../nn/residual_mlp";
import { trainGradientDescent } from "../train/gradient_descent";
import { BEYOND } from "./nb05_config";
import { DeepRun, summarize } from "./nb05_deep";

export interface ResidualRun extends DeepRun {
  /** std of the stream s_b after each block, block 1 first, at the start. */
  streamStd: number[];
  inputStd: number;
}

export function residualRun(zeroBranchOutput: boolean, seed: number = BEYOND.residual.seed): ResidualRun {
  if (typeof zeroBranchOutput !== "boolean") throw new Error(`residualRun: expected zeroBranchOutput to be true or false, got ${describeValue(zeroBranchOutput)}`);
  const { width, blocks, outputs, batchSize, steps, learningRate } = BEYOND.residual;
  const rng = new Rng(seed);
  const x = rng.randn(batchSize, width);
  const y = rng.randn(batchSize, outputs);
  const net = ResidualMlp.initialized({ width, blocks, outputs, loss: meanSquared }, heNormal(), rng, zeroBranchOutput);
  const streamStd = net.forward(x).stream.map((s) => std(s));
  const history = trainGradientDescent(net, x, y, { learningRate, steps });
  return { ...summarize(zeroBranchOutput ? "He, branch output zero (Fixup)" : "He everywhere", history), streamStd, inputStd: std(x) };
}

/**
 * Section 4's net (seed, x and draws as residualRun) with every branch's last matrix B_b multiplied by alpha:
 * the stream's std after the last block over the input's. alpha = 1 is plain He, alpha = 0 is Fixup.
 */
export function residualStreamGrowth(alpha: number, seed: number = BEYOND.residual.seed): number {
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) throw new Error(`residualStreamGrowth: expected a finite branch scale alpha, got ${alpha}`);
  const { width, blocks, outputs, batchSize } = BEYOND.residual;
  const rng = new Rng(seed);
  const x = rng.randn(batchSize, width);
  rng.randn(batchSize, outputs); // y: drawn only to keep the weights' draws the same as residualRun's
  const he = ResidualMlp.initialized({ width, blocks, outputs, loss: meanSquared }, heNormal(), rng, false);
  const scaled = he.branchOut.map((b) => new Matrix(b.rows, b.cols, b.data.map((v) => alpha * v)));
  const net = new ResidualMlp(he.branchIn, scaled, he.output, meanSquared);
  const stream = net.forward(x).stream;
  return std(stream[stream.length - 1]) / std(x);
}
