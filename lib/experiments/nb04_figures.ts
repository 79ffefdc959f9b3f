// Figure builders for notebook 04. They return plain Plotly data (lib/plot/figure.ts); showing is the notebook's job.

import { Figure, lineChart } from "../plot/figure";
import { stepAxis } from "../plot/step_axis";
import { VariantResult } from "./nb04_comparison";
import { DeepInitRun } from "./nb04_deep_init";
import { checkArray, describeValue } from "../engine/checks";

/** Loss per step for each implementation of the same training run (log scale). */
export function implementationsFigure(results: VariantResult[]): Figure {
  checkArray("implementationsFigure", "results", results);
  return lineChart({
    title: "Same weights, same data, same steps: four implementations",
    xTitle: "gradient-descent step",
    yTitle: "loss Σ(ŷ − y)² (log scale)",
    logY: true,
    series: results.map((r, i) => ({ name: r.variant, x: stepAxis(r.loss.length), y: r.loss, dash: i === 0 ? "solid" : "dot" })),
  });
}

/** Loss per step for named training runs, e.g. tf.train.sgd against tf.train.adam (log scale). */
export function lossCurvesFigure(title: string, runs: { name: string; loss: number[] }[], yTitle = "loss Σ(ŷ − y)² (log scale)"): Figure {
  if (typeof title !== "string") throw new Error(`lossCurvesFigure: expected title to be a string, got ${describeValue(title)}`);
  checkArray("lossCurvesFigure", "runs", runs);
  // Distinct dashes as well as colours: flat runs often lie exactly on top of each other.
  const dashes = ["solid", "dash", "dot"] as const;
  return lineChart({
    title,
    xTitle: "step",
    yTitle,
    logY: true,
    series: runs.map((r, i) => ({ name: r.name, x: stepAxis(r.loss.length), y: r.loss, dash: dashes[i % dashes.length] })),
  });
}

/** Std of each ReLU layer's output at initialisation, per initializer (log scale). */
export function deepActivationStdFigure(runs: DeepInitRun[]): Figure {
  checkArray("deepActivationStdFigure", "runs", runs);
  return lineChart({
    title: `Signal through ${runs[0]?.activationStd.length ?? 0} ReLU layers at initialisation (tfjs initializers)`,
    xTitle: "layer",
    yTitle: "std of the layer's output (log scale)",
    logY: true,
    series: runs.map((r) => ({ name: r.init, x: r.activationStd.map((_, l) => l + 1), y: r.activationStd })),
  });
}

/** Mean squared loss per SGD step of the deep ReLU stack, per initializer (log scale). */
export function deepLossFigure(runs: DeepInitRun[]): Figure {
  checkArray("deepLossFigure", "runs", runs);
  return lossCurvesFigure(
    `${runs[0]?.activationStd.length ?? 0} ReLU layers trained with tf.train.sgd: loss per initializer`,
    runs.map((r) => ({ name: r.init, loss: r.loss })),
    "mean squared loss (log scale)",
  );
}
