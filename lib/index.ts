// The course library. Notebooks import the compiled form as "../lib".

export { Matrix, shapeString, assertFinite, assertShape, assertSameShape } from "./engine/matrix";
export { Rng } from "./engine/random";
export { matmul, matmulInto, setMatmulKernel, getMatmulKernel, matmulKernelFor } from "./engine/matmul";
export type { MatmulOptions, MatmulKernelName } from "./engine/matmul";
export { wasmMatmulStatus } from "./engine/matmul_wasm";
export { matmulNaive } from "./engine/matmul_naive";
export { transpose } from "./engine/transpose";
export * from "./engine/elementwise";
export * from "./engine/reductions";

export { denseForward, denseBackward } from "./nn/dense";
export { reluForward, reluBackward, reluMask, deadUnitFraction } from "./nn/relu";
export { sumOfSquaresLoss, sumOfSquaresLossBackward } from "./nn/sum_of_squares_loss";
export type { Model, LossAndGradients } from "./nn/model";
export { ThreeLayerNet, TUTORIAL } from "./nn/three_layer_net";
export type { ThreeLayerWeights, ThreeLayerCache, ThreeLayerSizes } from "./nn/three_layer_net";

export { trainGradientDescent } from "./train/gradient_descent";
export type { TrainOptions, TrainHistory, StepRecord } from "./train/gradient_descent";
export { gradientCheck, relativeError } from "./train/gradient_check";
export type { ParamCheck, GradientCheckOptions } from "./train/gradient_check";

// numpy's .npy files (the parity fixtures in data/parity/, written by scripts/make_parity_fixtures.py).
export { readNpy, readNpyMatrix, parseNpy, npyToMatrix, encodeNpy, writeNpy } from "./data/npy";
export type { NpyArray } from "./data/npy";

// TensorFlow.js (notebook 04), as a namespace: course.tfjs.setupTfjs(), ...
export * as tfjs from "./tfjs";

// Figures as data (plot/figure.ts) and showing them, tables and live progress in a notebook (plot/display.ts).
export { lineChart } from "./plot/figure";
export type { Figure, Trace, Layout, Axis, Series, LineChartOptions } from "./plot/figure";
export { showFigure, showTable, progress, figureBundle, figureSummary, tableBundle, progressLine, formatCell, PLOTLY_MIME } from "./plot/display";
export type { MimeBundle, Cell, Progress } from "./plot/display";
export { renderPng, closeBrowser, chromiumAvailable, pngSize } from "./plot/png";

// The reference tutorial's experiment: seeded problems, runs and their outcomes (notebook 01).
export { tutorialProblem, runTutorialSeed, surveyTutorialSeeds, runOutcome, REFERENCE_EFFECTIVE_LEARNING_RATE } from "./train/tutorial_runs";
export type { TutorialProblem, RunOutcome, SeedRun } from "./train/tutorial_runs";
