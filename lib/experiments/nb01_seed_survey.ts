// Seed surveys large enough to state fractions: the recipe (σ = 1) on many seeds, each run to its fate.

import { Fate, tutorialFate } from "./nb01_fate";
import { checkOptions } from "../engine/checks";

export interface FateFraction {
  fate: Fate;
  count: number;
  fraction: number;
  /** Binomial standard error √(p(1 − p)/n) of the fraction. */
  standardError: number;
}

export interface SeedSurvey {
  learningRate: number;
  steps: number;
  seeds: number;
  fractions: FateFraction[];
  /** For the dying runs: how many died at each step (index = step). */
  diedAtStepCounts: number[];
}

const FATES: Fate[] = ["dies", "overflows", "high", "stuck", "learns"];

/** Seeds 0 … seeds−1 of the recipe at `learningRate`, at most `steps` steps each (a run stops when its fate is sealed). */
export function seedSurvey(learningRate: number, seeds = 200, steps = 12): SeedSurvey {
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`seedSurvey: expected a positive integer number of seeds, got ${seeds}`);
  const runs = Array.from({ length: seeds }, (_, s) => tutorialFate(s, [1, 1, 1], learningRate, steps));
  const fractions = FATES.map((fate) => {
    const count = runs.filter((r) => r.fate === fate).length;
    const p = count / seeds;
    return { fate, count, fraction: p, standardError: Math.sqrt((p * (1 - p)) / seeds) };
  }).filter((f) => f.count > 0);
  const diedAtStepCounts = new Array(steps + 1).fill(0);
  for (const r of runs) if (r.fate === "dies") diedAtStepCounts[r.atStep]++;
  return { learningRate, steps, seeds, fractions, diedAtStepCounts };
}

/** "dies 0.87 ± 0.02 (174/200)" style summary of one fate; "0 of n" when it never happened. */
export function fateSummary(survey: SeedSurvey, fate: Fate): string {
  checkOptions("fateSummary", "survey (from seedSurvey)", survey);
  const f = survey.fractions.find((x) => x.fate === fate);
  if (!f) return `${fate} 0 of ${survey.seeds}`;
  return `${fate} ${f.fraction.toFixed(3)} ± ${f.standardError.toFixed(3)} (${f.count}/${survey.seeds})`;
}
