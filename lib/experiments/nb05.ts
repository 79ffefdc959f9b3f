// Notebook 05's experiments (beyond Xavier and He), exported from the core entry as the namespace `course.nb05`.
// The TensorFlow.js part (tfjs's defaults) is in nb05_tfjs.ts, exported from the tfjs entry.

export { BEYOND } from "./nb05_config";
export { GAIN_ACTIVATIONS, recommendedGain, measuredGain, gainDepthRun } from "./nb05_gains";
export type { GainActivation, GainDepthRun } from "./nb05_gains";
export { LINEAR_STARTS, linearRun, endToEndSpread } from "./nb05_orthogonal";
export type { LinearStart, LinearRun } from "./nb05_orthogonal";
export { deepProblem, summarize, batchNormRun, batchNormStartStd, lsuvRun, presetRun, deepAdamRun, tutorialAdamRun, trainingStatisticsRun } from "./nb05_deep";
export type { DeepProblem, DeepRun, LsuvRun } from "./nb05_deep";
export { residualRun, residualStreamGrowth } from "./nb05_residual";
export type { ResidualRun } from "./nb05_residual";
export { DIGITS_STARTS, LSUV_BATCH_ROWS, digitsStartRun } from "./nb05_lsuv_digits";
export type { DigitsStart, DigitsStartRun } from "./nb05_lsuv_digits";
