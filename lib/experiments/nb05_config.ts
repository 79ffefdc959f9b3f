// Every size, seed and learning rate of notebook 05 (beyond Xavier and He), in one place, so that the notebook and
// test/claims/notebook05.test.ts run the very same experiments.

export const BEYOND = {
  /** Section 1: gains. A 30-layer net of 128 units, 64 standard-normal rows, weights std gain/√fan_in. */
  gains: { layers: 30, width: 128, batchSize: 64, seed: 5, leakySlope: 0.01, draws: 200_000 },
  /** Section 2: deep linear nets (Saxe et al. 2014) learning a random linear map, full-batch gradient descent. */
  linear: { width: 16, batchSize: 64, depths: [1, 2, 4, 8, 16, 32], learningRate: 1.0, maxSteps: 300, threshold: 0.05, seed: 11 },
  /** Sections 3, 5, 6, 8: notebook 03's 30 ReLU layers of 64 (half notebook 03's width, for time), random regression, mean squared loss. */
  deep: { hiddenLayers: 30, width: 64, outputs: 10, batchSize: 16, steps: 100, learningRate: 1e-3, seed: 1 },
  /** Section 4: residual MLP, 64 blocks of width 32. */
  residual: { width: 32, blocks: 64, outputs: 10, batchSize: 32, seed: 4, steps: 50, learningRate: 1e-3 },
  /** Section 5 on real data: notebook 03's digits net from He and from LSUV, these seeds each. */
  digits: { seeds: [1, 2, 3] },
  /** Section 6: Adam's step. */
  adam: { learningRate: 1e-3 },
  /** Section 8: snapshots every k steps. */
  snapshotEvery: 20,
} as const;
