// Notebook 04's experiments, exported from the TensorFlow.js entry (index_tfjs.ts) as the namespace `course.nb04`.

export { deepInitExperiment, layerOutputStd, DEEP_INIT_DEFAULTS } from "./nb04_deep_init";
export type { DeepInitOptions, DeepInitRun } from "./nb04_deep_init";
export { countCodeLines, linesOfCode, libSourceRoot } from "./nb04_lines_of_code";
export { compareImplementations, VARIANT_FILES } from "./nb04_comparison";
export type { VariantName, VariantResult, ComparisonOptions } from "./nb04_comparison";
export { implementationsFigure, lossCurvesFigure, deepActivationStdFigure, deepLossFigure } from "./nb04_figures";
export { float32TutorialProblem, cloneWeights } from "./nb04_float32_problem";
export type { Float32Problem } from "./nb04_float32_problem";
export { scaledMaxError, maxTrajectoryError } from "./nb04_float32_error";
