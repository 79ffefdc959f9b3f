// Notebook 01's fate map: is it the learning rate? The tutorial's net over a grid of weight scale σ × learning rate η,
// plus Xavier's and He's per-layer scales as two extra rows; and the plain control σ = 1 at smaller rates.

import { Fate, HE_STDS, LayerStds, XAVIER_STDS, tutorialFate } from "./nb01_fate";
import { expectArrayLike } from "../engine/checks";

export interface FateCell {
  /** Row label: "σ = 0.1" style for a uniform scale, or "Xavier" / "He". */
  row: string;
  stds: LayerStds;
  learningRate: number;
  fate: Fate;
  atStep: number;
  finalLoss: number;
  /** finalLoss / Σy² (NaN-free: Infinity for an overflow). */
  lossOverSumY2: number;
}

export interface FateMap {
  rows: string[];
  /** The uniform σ of each uniform row; null for the Xavier and He rows. */
  rowStds: (number | null)[];
  learningRates: number[];
  steps: number;
  seed: number;
  /** cells[r][c] for rows[r] and learningRates[c]. */
  cells: FateCell[][];
}

export const FATE_MAP_STDS = [1, 0.3, 0.1, 0.03];
export const FATE_MAP_LEARNING_RATES = [1e-7, 1e-6, 1e-5, 1e-4, 1e-3];
export const FATE_MAP_STEPS = 10;

/** Every cell trains seed `seed`'s problem (same data and same standard-normal draws, rescaled) for `steps` steps. */
export function fateMap(
  stds: number[] = FATE_MAP_STDS,
  learningRates: number[] = FATE_MAP_LEARNING_RATES,
  steps = FATE_MAP_STEPS,
  seed = 0,
): FateMap {
  expectArrayLike("fateMap", "stds", stds);
  expectArrayLike("fateMap", "learningRates", learningRates);
  const rowDefs: { row: string; std: number | null; stds: LayerStds }[] = [
    ...stds.map((s) => ({ row: `σ = ${s}`, std: s, stds: [s, s, s] as LayerStds })),
    { row: "Xavier", std: null, stds: XAVIER_STDS },
    { row: "He", std: null, stds: HE_STDS },
  ];
  const cells = rowDefs.map((r) =>
    learningRates.map((lr): FateCell => {
      const run = tutorialFate(seed, r.stds, lr, steps);
      const ratio = Number.isFinite(run.finalLoss) ? run.finalLoss / run.sumOfSquaredTargets : Infinity;
      return { row: r.row, stds: r.stds, learningRate: lr, fate: run.fate, atStep: run.atStep, finalLoss: run.finalLoss, lossOverSumY2: ratio };
    }),
  );
  return { rows: rowDefs.map((r) => r.row), rowStds: rowDefs.map((r) => r.std), learningRates, steps, seed, cells };
}

export interface RateControl {
  learningRate: number;
  loss: number[];
  fate: Fate;
  atStep: number;
  sumOfSquaredTargets: number;
}

/** σ = 1 (the recipe) on one seed at smaller and smaller rates: the loss per step against the Σy² line. */
export function smallRateControl(learningRates = [1e-7, 5e-8, 1e-8], steps = 60, seed = 0): RateControl[] {
  expectArrayLike("smallRateControl", "learningRates", learningRates);
  return learningRates.map((lr) => {
    const run = tutorialFate(seed, [1, 1, 1], lr, steps);
    return { learningRate: lr, loss: run.loss, fate: run.fate, atStep: run.atStep, sumOfSquaredTargets: run.sumOfSquaredTargets };
  });
}
