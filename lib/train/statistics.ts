// Per-layer statistics of a network, returned as data for notebooks to print and plot.
//
// layerStatistics(model, x, y): one forward and backward pass, then per hidden layer the activations' mean, std,
// fraction of dead or saturated units, histogram, and the std of the gradient back-propagated to that layer;
// per weight matrix, the weight std, the weight-gradient std and their ratio.
// trainWithStatistics(model, x, y, options): gradient descent (trainGradientDescent) that also records, per step
// and weight matrix, the update:data ratio std(ΔW)/std(W), and every so often a full layerStatistics snapshot.

import { Matrix } from "../engine/matrix";
import { expectSameShape } from "../engine/checks";
import { mean, std } from "../engine/reductions";
import { ActivationName } from "../nn/activation";
import { Mlp } from "../nn/mlp";
import { Model } from "../nn/model";
import { Histogram, histogram, uniformEdges } from "./histogram";
import { LogHistogram, logEdges, logMagnitudeHistogram, logRange } from "./log_histogram";
import { TrainHistory, trainGradientDescent } from "./gradient_descent";
import { checkTrainingCall } from "./training_loop";

export interface HiddenLayerStatistics {
  /** 1 for the first hidden layer. */
  layer: number;
  width: number;
  /** Of the pre-activations h = a_prev · W (every sample and unit). */
  preActivationStd: number;
  /** Of the activations a = act(h). */
  activationMean: number;
  activationStd: number;
  /** "dead": fraction of units zero for every sample (ReLU); "saturated": fraction of values in the flat tails. */
  stallKind: "dead" | "saturated" | "none";
  stalledFraction: number;
  activationHistogram: Histogram;
  /** The same values binned by log₁₀|a| (see LogHistogram): the scale of every layer on one axis. */
  activationLogHistogram: LogHistogram;
  /** Std of ∂loss/∂h at this layer: the gradient back-propagated to the layer, before it reaches the weights. */
  backpropGradientStd: number;
  backpropGradientHistogram: Histogram;
  backpropGradientLogHistogram: LogHistogram;
}

export interface WeightStatistics {
  name: string;
  /** 1-based, the layer this matrix feeds; the last one feeds the output. */
  layer: number;
  weightStd: number;
  gradientStd: number;
  /** std(∂loss/∂W) / std(W). */
  gradientToData: number;
}

export interface NetworkStatistics {
  activation: ActivationName;
  loss: number;
  batchSize: number;
  inputStd: number;
  /** Std of the network's prediction (the last, linear layer's output). */
  outputStd: number;
  /** Std of ∂loss/∂yPred, where back-propagation starts. */
  outputGradientStd: number;
  hidden: HiddenLayerStatistics[];
  weights: WeightStatistics[];
}

export interface StatisticsOptions {
  /** Bin edges for the activation histograms, shared by every layer. Default: DEFAULT_BINS bins over the activation's range
   * ([−1, 1] for tanh, [0, 1] for sigmoid; for ReLU [0, the largest activation of any layer];
   * for linear and leaky ReLU ±the largest |activation|). */
  activationEdges?: number[];
  /** Bin edges for the back-propagated gradient histograms, shared by every layer.
   * Default: DEFAULT_BINS bins over ±3 × the largest per-layer gradient std. */
  gradientEdges?: number[];
  /** Decade edges for the log₁₀|v| histograms, shared by every layer (fix them to compare several networks).
   * Default: quarter decades over the whole decades that hold every nonzero finite value of any layer (coarser past 40). */
  activationLogEdges?: number[];
  gradientLogEdges?: number[];
}

// Odd, so that one bin is centred on 0, where vanishing signals pile up.
export const DEFAULT_BINS = 41;

export function layerStatistics(model: Mlp, x: Matrix, y: Matrix, options: StatisticsOptions = {}): NetworkStatistics {
  if (!(model instanceof Mlp)) throw new Error(`layerStatistics: expected an Mlp (it needs every layer's activations), got ${describe(model)}`);
  const { loss, cache, grads } = model.forwardBackward(x, y);
  const hiddenCount = model.depth - 1;
  const activationEdges = options.activationEdges ?? defaultActivationEdges(model.activation.name, cache.a);
  const gradStds = grads.dh.slice(0, hiddenCount).map(std);
  const gradientEdges = options.gradientEdges ?? symmetricEdges(3 * Math.max(0, ...gradStds.filter(Number.isFinite)));
  const activationLogEdges = options.activationLogEdges ?? defaultLogEdges(cache.a.slice(0, hiddenCount));
  const gradientLogEdges = options.gradientLogEdges ?? defaultLogEdges(grads.dh.slice(0, hiddenCount));

  const hidden: HiddenLayerStatistics[] = [];
  for (let l = 0; l < hiddenCount; l++) {
    const a = cache.a[l];
    hidden.push({
      layer: l + 1,
      width: a.cols,
      preActivationStd: std(cache.h[l]),
      activationMean: mean(a),
      activationStd: std(a),
      stallKind: model.activation.stallKind,
      stalledFraction: model.activation.stalledFraction(a),
      activationHistogram: histogram(a.data, activationEdges),
      activationLogHistogram: logMagnitudeHistogram(a.data, activationLogEdges),
      backpropGradientStd: gradStds[l],
      backpropGradientHistogram: histogram(grads.dh[l].data, gradientEdges),
      backpropGradientLogHistogram: logMagnitudeHistogram(grads.dh[l].data, gradientLogEdges),
    });
  }
  const weights = model.weights.map((w, l) => {
    const weightStd = std(w);
    const gradientStd = std(grads.dw[l]);
    return { name: model.paramNames[l], layer: l + 1, weightStd, gradientStd, gradientToData: gradientStd / weightStd };
  });
  return {
    activation: model.activation.name,
    loss,
    batchSize: x.rows,
    inputStd: std(x),
    outputStd: std(cache.yPred),
    outputGradientStd: std(grads.dh[hiddenCount]),
    hidden,
    weights,
  };
}

export interface TrainWithStatisticsOptions {
  learningRate: number;
  steps: number;
  /** Take a layerStatistics snapshot before every k-th step's update (steps 0, k, 2k, …) and after the last step.
   * Costs one extra forward/backward pass each. Default: no snapshots. Needs an Mlp. */
  snapshotEvery?: number;
  statisticsOptions?: StatisticsOptions;
}

export interface TrainingStatistics {
  history: TrainHistory;
  /** updateToData[t][p] = std(W_p after step t − W_p before) / std(W_p before): std(lr·dW)/std(W) per applied step. */
  updateToData: number[][];
  paramNames: string[];
  snapshots: { step: number; statistics: NetworkStatistics }[];
}

/**
 * trainGradientDescent plus statistics. The update of step t is read as the change of the weights across it
 * (exactly −lr·dW up to rounding), so recording it costs a copy of the weights, not an extra backward pass.
 */
export function trainWithStatistics(model: Model, x: Matrix, y: Matrix, options: TrainWithStatisticsOptions): TrainingStatistics {
  checkTrainingCall("trainWithStatistics", model, x, y, options);
  const { snapshotEvery } = options;
  if (snapshotEvery !== undefined) {
    if (!Number.isInteger(snapshotEvery) || snapshotEvery < 1) {
      throw new Error(`trainWithStatistics: expected snapshotEvery to be a positive integer, got ${snapshotEvery}`);
    }
    if (!(model instanceof Mlp)) throw new Error(`trainWithStatistics: snapshots need an Mlp, got ${describe(model)}`);
  }
  const updateToData: number[][] = [];
  const snapshots: TrainingStatistics["snapshots"] = [];
  // The weights at the start of the coming step, and its snapshot when that step is a multiple of snapshotEvery.
  let before = model.params.map((w) => w.clone());
  const snapshotAt = (step: number): void => {
    if (snapshotEvery !== undefined && step % snapshotEvery === 0) {
      snapshots.push({ step, statistics: layerStatistics(model as Mlp, x, y, options.statisticsOptions) });
    }
  };
  if (options.steps > 0) snapshotAt(0);
  const history = trainGradientDescent(model, x, y, {
    learningRate: options.learningRate,
    steps: options.steps,
    onStep: (step) => {
      updateToData.push(model.params.map((w, p) => updateRatio(before[p], w)));
      before = model.params.map((w) => w.clone());
      snapshotAt(step + 1);
    },
  });
  const last = history.stepsCompleted;
  if (snapshotEvery !== undefined && history.divergedAtStep === null && last > 0 && snapshots[snapshots.length - 1]?.step !== last) {
    snapshots.push({ step: last, statistics: layerStatistics(model as Mlp, x, y, options.statisticsOptions) });
  }
  return { history, updateToData, paramNames: [...model.paramNames], snapshots };
}

/** std(after − before) / std(before). */
export function updateRatio(before: Matrix, after: Matrix): number {
  expectSameShape("updateRatio", "before", before, "after", after);
  const delta = new Matrix(before.rows, before.cols);
  for (let k = 0; k < delta.data.length; k++) delta.data[k] = after.data[k] - before.data[k];
  return std(delta) / std(before);
}

function defaultActivationEdges(name: ActivationName, activations: Matrix[]): number[] {
  if (name === "tanh") return uniformEdges(-1, 1, DEFAULT_BINS);
  if (name === "sigmoid") return uniformEdges(0, 1, DEFAULT_BINS);
  if (name === "linear" || name === "leaky_relu") {
    // Negative values too: bins symmetric about 0 over the largest |a| of any layer.
    let largest = 0;
    for (const a of activations) for (let k = 0; k < a.data.length; k++) largest = Math.max(largest, Math.abs(a.data[k]));
    return symmetricEdges(largest);
  }
  let top = 0;
  for (const a of activations) for (let k = 0; k < a.data.length; k++) if (a.data[k] > top) top = a.data[k];
  return uniformEdges(0, top > 0 && Number.isFinite(top) ? top : 1, DEFAULT_BINS);
}

function defaultLogEdges(values: Matrix[]): number[] {
  const [lo, hi] = logRange(values.map((m) => m.data)) ?? [-1, 0];
  // Quarter decades, fewer per decade when the values span more than 40 decades (at most ~160 bins).
  return logEdges(lo, hi, Math.max(1, Math.min(4, Math.floor(160 / (hi - lo)))));
}

function symmetricEdges(halfWidth: number): number[] {
  const r = halfWidth > 0 && Number.isFinite(halfWidth) ? halfWidth : 1;
  return uniformEdges(-r, r, DEFAULT_BINS);
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  return typeof x === "object" ? `a ${(x as object).constructor?.name ?? "object"}` : typeof x;
}
