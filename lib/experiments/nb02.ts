// Notebook 02's experiments, exported from the core entry as the namespace `course.nb02`.

export { probeProblem, probeStatistics, probeTraining, deepSizes, geometricMeanFactor } from "./nb02_init_probe";
export type { ProbeSpec, ProbeProblem, ProbeTraining, ProbeTrainingOptions } from "./nb02_init_probe";
export { NAIVE_INIT, DEEP_SETUPS, tutorialAtScale, tutorialTraining, deepSpec, deepStatistics, deepTheory, deepTraining } from "./nb02_naive_init";
export type { DeepSetup, DeepSetupName, TutorialAtScale } from "./nb02_naive_init";
export { matmulChain } from "./nb02_matmul_chain";
export type { MatmulChainOptions, MatmulChainResult } from "./nb02_matmul_chain";
export { SCALE_SWEEP, scaleSweep, gainLabel, steadiestGain } from "./nb02_scale_sweep";
export type { ScaleSweep, ScaleSweepPoint, SteadiestGain } from "./nb02_scale_sweep";
export { scaleSweepStdFigure, scaleSweepHistogramFigure, spreadSummary, compact } from "./nb02_figures";
