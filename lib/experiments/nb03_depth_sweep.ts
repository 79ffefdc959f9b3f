// Notebook 03's depth sweep: section 3's experiment (ReLU layers of 128, a fixed batch of 8 random targets, 300 steps
// of gradient descent at 10⁻³) repeated at several depths, He against Xavier on the same data. The slider figure of
// nb03_figures.ts shows one depth at a time; its right panel carries every depth's final loss at once.

import { standardInitializer } from "../init/presets";
import { meanSquared } from "../nn/mean_squared_loss";
import { trainGradientDescent } from "../train/gradient_descent";
import { deepSizes, probeProblem } from "./nb02_init_probe";
import { DeepReluRun, XAVIER_HE } from "./nb03_xavier_he";
import { checkOptions, expectArrayLike } from "../engine/checks";

export const DEPTH_SWEEP = {
  /** Hidden layers; 30 is section 3's net, whose runs the notebook passes in rather than training them twice. */
  depths: [2, 5, 10, 30],
  initializers: ["He", "Xavier"],
  seed: XAVIER_HE.deep.seeds[0],
} as const;

export interface DepthSweepPoint {
  depth: number;
  /** One run per DEPTH_SWEEP.initializers entry, in that order. */
  runs: DeepReluRun[];
}

/** Section 3's run at any depth (depth 30 gives exactly deepReluRun(initializer, seed)). */
export function deepReluRunAtDepth(initializer: string, seed: number, hiddenLayers: number): DeepReluRun {
  if (!Number.isInteger(hiddenLayers) || hiddenLayers < 1) {
    throw new Error(`deepReluRunAtDepth: expected a positive integer number of hidden layers, got ${hiddenLayers}`);
  }
  const { width, outputs, batchSize, learningRate, steps } = XAVIER_HE.deep;
  const init = standardInitializer(initializer).init;
  const { net, x, y } = probeProblem({ sizes: deepSizes(hiddenLayers, width, outputs), activation: "relu", init, batchSize, seed, loss: meanSquared });
  const history = trainGradientDescent(net, x, y, { learningRate, steps });
  const initialLoss = history.loss[0];
  const finalLoss = history.loss[history.loss.length - 1];
  return { initializer, seed, history, initialLoss, finalLoss, lossRatio: initialLoss / finalLoss, relativeChange: (finalLoss - initialLoss) / initialLoss };
}

/**
 * He and Xavier at every depth on the same seed. `known` holds runs already made (e.g. section 3's depth-30 pair),
 * keyed by depth, in DEPTH_SWEEP.initializers order; they are checked to be of the sweep's seed and initializers.
 */
export function depthSweep(depths: readonly number[] = DEPTH_SWEEP.depths, known: Record<number, DeepReluRun[]> = {}): DepthSweepPoint[] {
  expectArrayLike("depthSweep", "depths", depths);
  checkOptions("depthSweep", "known", known);
  if (depths.length === 0) throw new Error("depthSweep: expected at least one depth, got none");
  const { initializers, seed } = DEPTH_SWEEP;
  return depths.map((depth) => {
    const given = known[depth];
    if (given !== undefined) {
      const got = given.map((r) => `${r.initializer} seed ${r.seed}`).join(", ");
      const want = initializers.map((i) => `${i} seed ${seed}`).join(", ");
      if (got !== want) throw new Error(`depthSweep: the known runs at depth ${depth} are ${got}; expected ${want}`);
      return { depth, runs: given };
    }
    return { depth, runs: initializers.map((name) => deepReluRunAtDepth(name, seed, depth)) };
  });
}
