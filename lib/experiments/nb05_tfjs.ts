// Notebook 05's TensorFlow.js experiment (tfjs's default initializer), exported from the tfjs entry
// (index_tfjs.ts) as the namespace `course.nb05tf`, so that the core entry loads no TensorFlow.js.

export { TFJS_DEFAULTS, TF_STARTS, defaultKernelInitializer, tfDefaultsRun } from "./nb05_tfjs_defaults";
export type { TfStart, TfDefaultsRun, TfDefaultsOptions } from "./nb05_tfjs_defaults";
