// TensorFlow.js helpers: setup, conversion, the network written three ways, training loops. The TensorFlow.js entry
// (lib/index_tfjs.ts) re-exports them as the namespace `course.tfjs`; nothing in the core entry loads this.

export { setupTfjs, describeTfjsSetup, wasmBinaryDirectory } from "./setup";
export type { TfjsSetup, TfjsSetupOptions, TfBackendName } from "./setup";
export { matrixToTensor, tensorToMatrix, roundToFloat32, tensorShapeString } from "./convert";
export { tidyData } from "./tidy_data";
export { sumOfSquaresTf, sumOfSquaresTfBackward } from "./sum_of_squares_tf";
export { runTrainingLoop } from "./train_loop";
export type { TfTrainOptions, TfTrainHistory } from "./train_loop";
export { tfThreeLayerForward, tfThreeLayerBackward, tfManualLossAndGradients, trainManualTf } from "./manual_net";
export type { TfThreeLayerWeights, TfThreeLayerCache, ManualTfResult } from "./manual_net";
export { TfAutogradNet, trainAutograd } from "./autograd_net";
export { kernelInitializer, formulaStd, TF_INIT_NAMES, TF_INIT_OPTIONS } from "./initializers";
export type { TfInitName, TfInitializer } from "./initializers";
export { denseStack, trainableVariables } from "./dense_stack";
export { getKernels, setKernels } from "./kernels";
export type { DenseStackOptions } from "./dense_stack";
export { ThreeLayerModule, threeLayerModuleModel } from "./three_layer_module";
export type { ThreeLayerModuleArgs } from "./three_layer_module";
export { makeOptimizer, trainWithOptimizer } from "./optimizers";
export type { TfOptimizerName, OptimizerTrainOptions } from "./optimizers";
export { fitWithProgress } from "./fit";
export type { FitOptions, FitHistory } from "./fit";
