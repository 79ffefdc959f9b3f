// Notebook 03's experiments, exported from the core entry as the namespace `course.nb03`.

export {
  XAVIER_HE, layerGain, reluSecondMomentFraction, depthStatistics, deepReluStatistics, deepReluRun,
  tutorialInitRun, tutorialNaiveRun, digitsData, digitsRun, digitsSizes, trainDigitsNet,
} from "./nb03_xavier_he";
export type { GainOptions, DepthOptions, LayerGain, DeepReluRun, TutorialInitRun, DigitsData, DigitsRun } from "./nb03_xavier_he";
export { DEPTH_SWEEP, deepReluRunAtDepth, depthSweep } from "./nb03_depth_sweep";
export type { DepthSweepPoint } from "./nb03_depth_sweep";
export { depthSweepFigure } from "./nb03_figures";
