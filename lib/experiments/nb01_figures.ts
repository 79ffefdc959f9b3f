// Figure builders and compact tables for notebook 01: the recipe's two fates, marked where they happen (the step a
// run's loss became Infinity, the step its second hidden layer died), with the reasons in the hover text.

import { Cell } from "../plot/display";
import { Figure, Series, Trace, lineChart } from "../plot/figure";
import { MARK_STYLES, MarkKind } from "../plot/marks";
import { sliderFigure } from "../plot/slider";
import { TUTORIAL } from "../nn/three_layer_net";
import { RunOutcome, SeedRun } from "./nb01_tutorial_runs";
import { checkArray, checkOptions } from "../engine/checks";


/** The step at which a run's fate was sealed: its loss became non-finite, or its last hidden layer died; null if alive. */
export function fateStep(r: SeedRun): number | null {
  checkOptions("fateStep", "r (a seed run)", r);
  return r.outcome === "overflow" ? r.divergedAtStep : r.outcome === "dead" ? r.diedAtStep : null;
}

function fateReason(r: SeedRun): string {
  if (r.outcome === "overflow") return `loss became ${r.finalLoss} at step ${r.divergedAtStep} (past float64's 1.8·10³⁰⁸); training stopped there`;
  if (r.outcome === "dead") return `every unit of hidden layer 2 off for all ${TUTORIAL.batchSize} samples from step ${r.diedAtStep}: prediction 0, loss frozen at Σy² = ${r.sumOfSquaredTargets.toFixed(0)}`;
  return "still learning";
}

/** Loss per step (log–log, step + 1 since a log axis has no 0) for runs of the recipe, each fate marked. */
export function recipeLossFigure(runs: SeedRun[], title: string): Figure {
  checkArray("recipeLossFigure", "runs", runs);
  if (runs.length === 0) throw new Error(`recipeLossFigure "${title}": expected at least one run, got none`);
  const series: Series[] = runs.map((r) => {
    const at = fateStep(r);
    const kind: MarkKind = r.outcome === "overflow" ? "overflow" : "dead";
    const what = r.outcome === "overflow" ? `overflows to Infinity at step ${at}` : r.outcome === "dead" ? `dies, flat at Σy² from step ${at}` : "keeps learning";
    return {
      name: `seed ${r.seed}: ${what}`,
      x: stepAxisOf(r.history.loss.length).map((t) => t + 1),
      y: r.history.loss,
      marks: at === null ? [] : [{ at: at + 1, kind, reason: fateReason(r) }],
    };
  });
  const dead = runs.filter((r) => r.outcome === "dead");
  const reference: Series[] = dead.slice(0, 1).map((r) => ({
    name: `seed ${r.seed}: Σy², the loss of predicting 0`,
    x: [1, r.history.loss.length],
    y: [r.sumOfSquaredTargets, r.sumOfSquaredTargets],
    dash: "dot",
  }));
  return lineChart({ title, xTitle: "step + 1 (log scale)", yTitle: "loss Σ(ŷ − y)² (log scale)", logX: true, logY: true, series: [...series, ...reference] });
}

/**
 * The fraction of dead units per hidden layer over the first `first` steps. A layer whose curve is the same constant in
 * every run (hidden layer 1: no unit ever dies) is drawn once, named for all runs, so no line hides another;
 * a run that stopped early ends with a ■ that says why; the death of the last hidden layer is marked ○.
 */
export function deadUnitsFigure(runs: SeedRun[], first: number): Figure {
  checkArray("deadUnitsFigure", "runs", runs);
  if (runs.length === 0) throw new Error("deadUnitsFigure: expected at least one run, got none");
  if (!Number.isInteger(first) || first < 1) throw new Error(`deadUnitsFigure: expected a positive number of steps, got ${first}`);
  const layers = runs[0].history.stalledFraction[0].length;
  const series: Series[] = [];
  for (let l = 0; l < layers; l++) {
    const curves = runs.map((r) => {
      const n = Math.min(first, r.history.stalledFraction.length);
      const y = r.history.stalledFraction.slice(0, n).map((d) => d[l]);
      const marks: Series["marks"] = [];
      if (l === layers - 1 && r.diedAtStep !== null && r.diedAtStep < n) {
        marks.push({ at: r.diedAtStep, kind: "dead", reason: `all units of hidden layer ${l + 1} off for every sample from step ${r.diedAtStep} on` });
      }
      if (l === layers - 1 && r.history.stalledFraction.length < first) {
        marks.push({ at: n - 1, kind: "stopped", reason: `the loss became ${r.finalLoss} at step ${n - 1}: training stopped, there are no later steps` });
      }
      return { run: r, y, marks };
    });
    // Curves that are one and the same constant (no unit of this layer ever dies, in any run) would lie on top of
    // each other: draw them once, over the longest run, named for every run.
    const value = curves[0].y[0];
    if (curves.length > 1 && curves.every((c) => c.marks.length === 0 && c.y.every((v) => v === value))) {
      const longest = Math.max(...curves.map((c) => c.y.length));
      series.push({ name: `seeds ${runs.map((r) => r.seed).join(" and ")}, hidden layer ${l + 1}: ${value} throughout, in every run`, x: stepAxisOf(longest), y: stepAxisOf(longest).map(() => value), dash: "dot" });
      continue;
    }
    curves.forEach((c, k) => series.push({ name: `seed ${c.run.seed}, hidden layer ${l + 1}`, x: stepAxisOf(c.y.length), y: c.y, dash: k === 0 ? "solid" : "dash", marks: c.marks }));
  }
  return lineChart({ title: `Dead units (zero for all samples) over the first ${first} steps`, xTitle: "step", yTitle: "fraction of the layer's units that are dead", series });
}

/** The seed survey as one row per outcome: which seeds, how many, when, and where their losses started and ended. */
export function surveyRows(runs: SeedRun[]): Cell[][] {
  checkArray("surveyRows", "runs", runs);
  const outcomes: RunOutcome[] = ["dead", "overflow", "alive"];
  const e = (v: number) => v.toExponential(1);
  return outcomes
    .map((o) => runs.filter((r) => r.outcome === o))
    .filter((group) => group.length > 0)
    .map((group) => {
      const o = group[0].outcome;
      const at = group.map(fateStep).filter((s): s is number => s !== null);
      const init = group.map((r) => r.initialLoss);
      const end = o === "dead" ? (group.every((r) => r.finalLoss === r.sumOfSquaredTargets) ? "Σy², exactly" : "mixed") : o === "overflow" ? String(group[0].finalLoss) : `${e(Math.min(...group.map((r) => r.finalLoss)))}–${e(Math.max(...group.map((r) => r.finalLoss)))}`;
      return [o, group.map((r) => r.seed).join(", "), group.length, at.length ? `${Math.min(...at)}–${Math.max(...at)}` : "-", `${e(Math.min(...init))}–${e(Math.max(...init))}`, end];
    });
}

export const SURVEY_HEADERS = ["outcome", "seeds", "how many", "at step", "initial loss", "loss at the end"];

/** Every seed of the survey at the step its fate was sealed and the height of its first loss; the rest on hover. */
export function surveyFigure(runs: SeedRun[], title: string): Figure {
  checkArray("surveyFigure", "runs", runs);
  if (runs.length === 0) throw new Error(`surveyFigure "${title}": expected at least one run, got none`);
  const kinds: { outcome: RunOutcome; kind: MarkKind; label: string }[] = [
    { outcome: "dead", kind: "dead", label: "dies (hidden layer 2 all off)" },
    { outcome: "overflow", kind: "overflow", label: "overflows to Infinity" },
  ];
  const data: Trace[] = kinds
    .map(({ outcome, kind, label }) => ({ kind, label, group: runs.filter((r) => r.outcome === outcome) }))
    .filter(({ group }) => group.length > 0)
    .map(({ kind, label, group }) => {
      const style = MARK_STYLES[kind];
      return {
        type: "scatter" as const,
        mode: "markers+text" as const,
        name: `${label}: ${group.length} seeds`,
        x: group.map((r) => fateStep(r)! + nudge(r, runs)),
        y: group.map((r) => r.initialLoss),
        text: group.map((r) => String(r.seed)),
        textposition: "middle right",
        hovertext: group.map((r) => `seed ${r.seed}: initial loss ${r.initialLoss.toExponential(2)}; ${fateReason(r)}`),
        hoverinfo: "text",
        marker: { symbol: style.symbol, size: 11, color: style.color, line: { width: 2, color: style.color } } as Trace["marker"],
        showlegend: true,
      };
    });
  return {
    data,
    layout: {
      title: { text: title },
      xaxis: { title: { text: "step at which the run's fate was sealed" }, type: "linear", dtick: 1 },
      yaxis: { title: { text: "initial loss (log scale)" }, type: "log", exponentformat: "power" },
      showlegend: true,
    },
  };
}

// Seeds sealed at the same step with initial losses within 2 % of each other would hide one another: the later seed
// moves a little to the right (the axis counts whole steps, so a fifth of a step cannot be misread).
function nudge(r: SeedRun, runs: SeedRun[]): number {
  const close = runs.filter((q) => q.seed < r.seed && fateStep(q) === fateStep(r) && Math.abs(Math.log(q.initialLoss / r.initialLoss)) < 0.02);
  return close.length * 0.2;
}

/**
 * One slider step per seed of the survey: its loss per step (left, with Σy² and its fate marked) and the dead fraction
 * of each hidden layer (right). Every run is already in the survey, so nothing is trained twice.
 */
export function seedSliderFigure(runs: SeedRun[]): Figure {
  checkArray("seedSliderFigure", "runs", runs);
  if (runs.length < 2) throw new Error(`seedSliderFigure: expected at least 2 runs, got ${runs.length}`);
  const longest = Math.max(...runs.map((r) => r.history.loss.length));
  const steps = runs.map((r) => {
    const n = r.history.loss.length;
    const x = stepAxisOf(n);
    const at = fateStep(r);
    const kind: MarkKind = r.outcome === "overflow" ? "overflow" : r.outcome === "dead" ? "dead" : "stopped";
    const style = MARK_STYLES[kind];
    // The mark sits at the last finite loss up to the fate's step (an Infinity has no place on a log axis).
    let mx = 0;
    for (let t = 0; t <= (at ?? n - 1) && t < n; t++) if (Number.isFinite(r.history.loss[t])) mx = t;
    const layers = r.history.stalledFraction[0].length;
    const data: Trace[] = [
      { type: "scatter", mode: "lines+markers", name: "loss Σ(ŷ − y)²", x, y: r.history.loss.map((v) => (Number.isFinite(v) ? v : null)), line: { color: "#1f77b4" }, marker: { color: "#1f77b4" } },
      { type: "scatter", mode: "lines", name: "Σy², the loss of predicting 0", x: [0, n - 1], y: [r.sumOfSquaredTargets, r.sumOfSquaredTargets], line: { dash: "dot", color: "#2ca02c" } },
      {
        type: "scatter", mode: "markers+text", name: at === null ? "still learning" : style.legend,
        x: at === null ? [] : [at], y: at === null ? [] : [r.history.loss[mx]], text: at === null ? [] : [style.label], textposition: "top center",
        hovertext: at === null ? [] : [fateReason(r)], hoverinfo: "text",
        marker: { symbol: style.symbol, size: 13, color: style.color, line: { width: 2, color: style.color } } as Trace["marker"],
      },
      ...Array.from({ length: layers }, (_, l): Trace => ({
        type: "scatter", mode: "lines+markers", name: `dead in hidden layer ${l + 1}`, x, y: r.history.stalledFraction.map((d) => d[l]),
        line: { color: l === 0 ? "#9467bd" : "#d62728", dash: l === 0 ? "dot" : "solid" }, marker: { color: l === 0 ? "#9467bd" : "#d62728" }, xaxis: "x2", yaxis: "y2",
      })),
    ];
    const fate = at === null ? "still learning" : r.outcome === "overflow" ? `overflows at step ${at}` : `dies at step ${at}`;
    const figure: Figure = {
      data,
      layout: {
        title: { text: `The recipe, seed ${r.seed}: ${fate} (initial loss ${r.initialLoss.toExponential(1)})` },
        xaxis: { title: { text: "step" }, type: "linear", domain: [0, 0.4], range: [-0.5, longest - 0.5] },
        yaxis: { title: { text: "loss (log scale)" }, type: "log", exponentformat: "power" },
        xaxis2: { title: { text: "step" }, type: "linear", domain: [0.5, 0.8], anchor: "y2", range: [-0.5, longest - 0.5] },
        yaxis2: { title: { text: "fraction of the layer's units dead" }, type: "linear", anchor: "x2", range: [-0.05, 1.05] },
        showlegend: true,
        legend: { x: 0.83, y: 1, font: { size: 10 } },
      },
    };
    return { label: String(r.seed), figure };
  });
  return sliderFigure({ prefix: "seed ", steps });
}

function stepAxisOf(n: number): number[] {
  return Array.from({ length: n }, (_, t) => t);
}
