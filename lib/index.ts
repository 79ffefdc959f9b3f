// The course library's core entry. Notebooks 01–03 import the compiled form as "../lib"; it loads no TensorFlow.js
// (notebook 04 imports "../lib/tfjs", which is this plus TensorFlow.js: see index_tfjs.ts).

export { Matrix, shapeString, assertFinite, assertShape, assertSameShape } from "./engine/matrix";
export { Rng } from "./engine/random";
export { matmul, matmulInto, setMatmulKernel, getMatmulKernel, matmulKernelFor } from "./engine/matmul";
export type { MatmulOptions, MatmulKernelName } from "./engine/matmul";
export { wasmMatmulStatus, setMatmulThreads, getMatmulThreads, matmulThreadStatus } from "./engine/matmul_wasm";
export { matmulNaive } from "./engine/matmul_naive";
export { transpose } from "./engine/transpose";
export * from "./engine/elementwise";
export * from "./engine/reductions";

export { denseForward, denseBackward } from "./nn/dense";
export { reluForward, reluBackward, deadUnitFraction } from "./nn/relu";
export { sumOfSquaresLoss, sumOfSquaresLossBackward } from "./nn/sum_of_squares_loss";
export type { Model, LossAndGradients } from "./nn/model";
export { ThreeLayerNet, TUTORIAL, TUTORIAL_MLP } from "./nn/three_layer_net";
export type { ThreeLayerWeights, ThreeLayerCache, ThreeLayerSizes } from "./nn/three_layer_net";

// Networks of any depth, width and activation (notebook 02 on), and what theory predicts for their scale.
export { tanhForward, tanhBackward, tanhSaturatedFraction, TANH_SATURATION } from "./nn/tanh";
export { sigmoidForward, sigmoidBackward, sigmoidSaturatedFraction, SIGMOID_SATURATION } from "./nn/sigmoid";
export { ACTIVATIONS, ACTIVATION_NAMES, getActivation } from "./nn/activation";
export type { Activation, ActivationName } from "./nn/activation";
export { Mlp, checkSizes } from "./nn/mlp";
export type { MlpSpec, MlpCache, MlpGradients } from "./nn/mlp";
export { reluScaleTheory, linearScaleTheory, expectedSumOfSquaresLoss, RELU_STD_OVER_PRE_STD } from "./nn/scale_theory";
export type { ScalePrediction } from "./nn/scale_theory";

export { trainGradientDescent } from "./train/gradient_descent";
export { trainThreeLayerFast } from "./train/fast_three_layer_step";
export type { TrainOptions, TrainHistory } from "./train/gradient_descent";
export type { OnStep } from "./train/training_loop";
export { errorBound, gradientCheck, relativeError } from "./train/gradient_check";
export type { ParamCheck, GradientCheckOptions } from "./train/gradient_check";

// Per-layer statistics, in one pass or over training (notebook 02 on).
export { histogram, uniformEdges } from "./train/histogram";
export type { Histogram } from "./train/histogram";
export { layerStatistics, trainWithStatistics, updateRatio, DEFAULT_BINS } from "./train/statistics";
export type { NetworkStatistics, HiddenLayerStatistics, WeightStatistics, StatisticsOptions, TrainWithStatisticsOptions, TrainingStatistics } from "./train/statistics";

// numpy's .npy files (the parity fixtures in data/parity/, written by scripts/make_parity_fixtures.py).
export { readNpy, readNpyMatrix, parseNpy, npyToMatrix, encodeNpy } from "./data/npy";
export type { NpyArray } from "./data/npy";

// Figures as data (plot/figure.ts) and showing them, tables and live progress in a notebook (plot/display.ts).
export { lineChart } from "./plot/figure";
export { stepAxis } from "./plot/step_axis";
export type { Figure, Trace, Layout, Axis, Series, LineChartOptions } from "./plot/figure";
export { showFigure, showTable, progress, figureBundle, figureSummary, tableBundle, progressLine, trackedStepText, formatCell, PLOTLY_MIME } from "./plot/display";
export { observeSteps } from "./train/step_observer";
export type { StepObserver } from "./train/step_observer";
export type { MimeBundle, Cell, Progress } from "./plot/display";
export { renderPng, closeBrowser, chromiumAvailable, pngSize } from "./plot/png";
export { layerHistogramsFigure, perLayerFigure, histogramFractions } from "./plot/layer_figures";
export type { LayerHistogramOptions, LayerSeries, PerLayerFigureOptions } from "./plot/layer_figures";
// Figures that make their point (issue 15): layer × log10|v| heat maps, run markers, zoomed panels, sliders.
export { layerLogHistogramFigure, logHistogramShares, HEAT_COLORSCALE } from "./plot/log_histogram_figure";
export type { LogHistogramPanel, LayerLogHistogramOptions } from "./plot/log_histogram_figure";
export { markTraces, markPosition, MARK_STYLES } from "./plot/marks";
export type { SeriesMark, MarkKind } from "./plot/marks";
export { withZoomPanel, COLORWAY } from "./plot/zoom";
export type { ZoomPanelOptions } from "./plot/zoom";
export { sliderFigure, sliderLabels } from "./plot/slider";
export type { SliderStep, SliderFigureOptions } from "./plot/slider";
export { logMagnitudeHistogram, logEdges, logRange } from "./train/log_histogram";
export type { LogHistogram } from "./train/log_histogram";

// Initializers (notebook 03): one variance-scaling initializer and the named presets over it.
export type { Initializer } from "./init/initializer";
export { varianceScaling, varianceScalingVariance, fixedNormal, FAN_MODES, DISTRIBUTIONS, TRUNCATED_STD_RATIO } from "./init/variance_scaling";
export type { VarianceScalingOptions, FanMode, Distribution } from "./init/variance_scaling";
export { naiveNormal, smallNormal, lecunNormal, xavierNormal, xavierUniform, heNormal, heUniform, standardInitializers, standardInitializer } from "./init/presets";
export type { NamedInitializer } from "./init/presets";

// Losses as Loss objects, and classification on real data (notebook 03).
export type { Loss } from "./nn/loss";
export { meanSquaredLoss, meanSquaredLossBackward, meanSquared } from "./nn/mean_squared_loss";
export { softmax, softmaxCrossEntropy, softmaxCrossEntropyBackward, softmaxCrossEntropyLoss, oneHot } from "./nn/softmax_cross_entropy";
export { selectRows } from "./engine/select_rows";
export { loadMnist, defaultMnistDir, splitTrainHeldOut, takeRows, MNIST_SIDE, MNIST_PIXELS, MNIST_CLASSES } from "./data/mnist";
export type { LabelledData, MnistOptions, TrainHeldOutSplit } from "./data/mnist";
export { trainMinibatchSgd } from "./train/minibatch_sgd";
export type { MinibatchOptions, MinibatchHistory } from "./train/minibatch_sgd";
export { accuracy, predictClasses } from "./train/accuracy";
export { barChart } from "./plot/bar_chart";
export type { BarChartOptions, BarSeries } from "./plot/bar_chart";

// Beyond Xavier and He (notebook 05): more activations, orthogonal and data-driven initialization, BatchNorm,
// residual blocks and Adam.
export { leakyReluForward, leakyReluBackward, leakyReluGain, LEAKY_RELU_SLOPE } from "./nn/leaky_relu";
export { seluForward, seluBackward, SELU_ALPHA, SELU_LAMBDA } from "./nn/selu";
export { batchNormForward, batchNormBackward, BATCH_NORM_EPSILON } from "./nn/batch_norm";
export type { BatchNormCache } from "./nn/batch_norm";
export { BatchNormMlp } from "./nn/batch_norm_mlp";
export { ResidualMlp } from "./nn/residual_mlp";
export type { ResidualMlpSpec } from "./nn/residual_mlp";
export { qr } from "./engine/qr";
export { orthogonal } from "./init/orthogonal";
export { lsuv } from "./train/lsuv";
export type { LsuvOptions, LsuvLayerRecord } from "./train/lsuv";
export { AdamState, trainAdam } from "./train/adam";
export type { AdamOptions } from "./train/adam";

// Each notebook's experiments, one namespace per notebook: course.nb01.runTutorialSeed(...), course.nb03.digitsRun(...).
export * as nb01 from "./experiments/nb01";
export * as nb02 from "./experiments/nb02";
export * as nb03 from "./experiments/nb03";
// Many independent seeded runs on all cores, same results as one after another: parallelRuns("nb03.deepReluRun", [["He", 1], ...]).
export { parallelRuns, setParallelHelpers } from "./experiments/parallel_runs";

// Exercises that check themselves (issue 16): course.exercises.nb01.initialLoss.check(answer), placeholder course.exercises.TODO.
export * as exercises from "./exercises/index";
export * as nb05 from "./experiments/nb05";

// Run All in tslab 1.0.22 starts each queued cell before the previous cell's reply is sent, so JupyterLab's [*] stays
// one cell behind (plot/run_all_order.ts). Importing the course fixes the order inside a tslab kernel; in plain node
// (tests, scripts) nothing is touched.
export { fixRunAllOrder } from "./plot/run_all_order";
import { fixRunAllOrderOnImport } from "./plot/run_all_order";
fixRunAllOrderOnImport();
