// The rendered course's playground page (rendered/playground.html): the reader picks a start, a depth and an
// activation, presses Train, and watches the loss and every layer's spread change, all in the browser.
// esbuild bundles this file with lib/playground (and through it the course's initializers and TensorFlow.js) into
// rendered/playground.js; plotly.js is the course's one local copy, loaded by the page. Nothing touches the network.

import * as tf from "@tensorflow/tfjs";
import { PLAYGROUND_DEFAULTS, PLAYGROUND_INITS, PlaygroundActivation, PlaygroundRun, PlaygroundStep } from "../lib/playground/playground_run";

declare const Plotly: {
  react(el: HTMLElement, data: object[], layout: object, config?: object): Promise<unknown>;
};

interface RunRecord {
  label: string;
  init: string;
  depth: number;
  activation: PlaygroundActivation;
  losses: number[];
  firstStd: number[];
  lastStd: number[];
  divergedAtStep: number | null;
}

// What the browser test (scripts/browser_test.ts) reads: every finished run, and whether one is under way.
const state: { runs: RunRecord[]; running: boolean; errors: string[] } = { runs: [], running: false, errors: [] };
(window as unknown as { playground: typeof state }).playground = state;

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`playground page: no element #${id}`);
  return el as T;
};

const CONFIG = { responsive: true, displaylogo: false };
const LOG_AXIS = { type: "log", exponentformat: "power" };

function drawLoss(current: RunRecord | null): Promise<unknown> {
  const all = current === null ? state.runs : [...state.runs, current];
  const traces = all.map((r, i) => ({
    type: "scatter",
    mode: "lines",
    name: r.label + (r.divergedAtStep !== null ? ` — diverged at step ${r.divergedAtStep}` : ""),
    x: r.losses.map((_, t) => t),
    y: r.losses.map((v) => (Number.isFinite(v) ? v : null)),
    line: { width: i === all.length - 1 ? 3 : 1.5 },
  }));
  const marks = all.filter((r) => r.divergedAtStep !== null).map((r) => {
    const finite = r.losses.filter(Number.isFinite);
    return { x: r.divergedAtStep!, y: finite.length > 0 ? finite[finite.length - 1] : 1, label: r.label };
  });
  if (marks.length > 0) {
    traces.push({
      type: "scatter", mode: "markers+text", name: "✕ loss overflowed (NaN/Infinity)",
      x: marks.map((m) => m.x), y: marks.map((m) => m.y), text: marks.map(() => "→ ∞"),
      marker: { symbol: "x", size: 13, color: "#d62728" }, line: { width: 0 },
    } as (typeof traces)[number]);
  }
  return Plotly.react($("loss-plot"), traces, {
    title: { text: "Training loss (mean squared error)" },
    xaxis: { title: { text: "step" } },
    yaxis: { title: { text: "loss (log scale)" }, ...LOG_AXIS },
    legend: { orientation: "h", y: -0.25 },
    margin: { t: 50, b: 120 },
  }, CONFIG);
}

function drawStd(r: RunRecord): Promise<unknown> {
  const layers = r.firstStd.map((_, l) => l + 1);
  const positive = (v: number[]) => v.map((s) => (s > 0 && Number.isFinite(s) ? s : null));
  return Plotly.react($("std-plot"), [
    { type: "scatter", mode: "lines+markers", name: "at the start", x: layers, y: positive(r.firstStd), line: { dash: "dash" } },
    { type: "scatter", mode: "lines+markers", name: `now (step ${r.losses.length - 1})`, x: layers, y: positive(r.lastStd) },
  ], {
    title: { text: `${r.label}: spread of each hidden layer's activations` },
    xaxis: { title: { text: "hidden layer" }, dtick: r.firstStd.length > 15 ? 5 : 1 },
    yaxis: { title: { text: "std of activations (log scale)" }, ...LOG_AXIS },
    legend: { orientation: "h", y: -0.25 },
    margin: { t: 50, b: 120 },
  }, CONFIG);
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function train(): Promise<void> {
  if (state.running) return;
  state.running = true;
  const button = $<HTMLButtonElement>("train");
  button.disabled = true;
  const init = $<HTMLSelectElement>("init").value;
  const depth = Number($<HTMLInputElement>("depth").value);
  const activation = $<HTMLSelectElement>("activation").value as PlaygroundActivation;
  const status = $("status");
  const run = new PlaygroundRun({ init, depth, activation });
  const record: RunRecord = { label: `${init}, ${activation}, ${depth} layers`, init, depth, activation, losses: [], firstStd: [], lastStd: [], divergedAtStep: null };
  try {
    while (!run.done) {
      // A few steps between redraws: fast enough to watch, few enough redraws to stay quick.
      for (let k = 0; k < 5 && !run.done; k++) {
        const s: PlaygroundStep = run.step();
        record.losses.push(s.loss);
        if (s.step === 0) record.firstStd = s.layerStd;
        record.lastStd = s.layerStd;
      }
      record.divergedAtStep = run.divergedAtStep;
      const last = record.losses[record.losses.length - 1];
      status.textContent = `${record.label}: step ${record.losses.length - 1} of ${run.spec.steps}, loss ${last.toPrecision(4)}`;
      await drawLoss(record);
      await drawStd(record);
      await nextFrame();
    }
    const first = record.losses[0];
    const last = record.losses[record.losses.length - 1];
    status.textContent = record.divergedAtStep !== null
      ? `${record.label}: the loss overflowed at step ${record.divergedAtStep} (it was ${first.toExponential(2)} at the start); training stopped.`
      : `${record.label}: loss ${first.toPrecision(4)} → ${last.toPrecision(4)} in ${run.spec.steps} steps (${(first / last).toPrecision(3)}× lower).`;
    state.runs.push(record);
  } catch (e) {
    state.errors.push(String(e));
    status.textContent = `error: ${String(e)}`;
    throw e;
  } finally {
    run.dispose();
    state.running = false;
    button.disabled = false;
    document.body.dataset.runs = String(state.runs.length);
  }
}

async function main(): Promise<void> {
  await tf.setBackend("cpu"); // deterministic, and needs neither WebGL nor fetching .wasm files from file://
  const select = $<HTMLSelectElement>("init");
  for (const name of Object.keys(PLAYGROUND_INITS)) {
    const option = document.createElement("option");
    option.value = option.textContent = name;
    option.selected = name === PLAYGROUND_DEFAULTS.init;
    select.appendChild(option);
  }
  const depth = $<HTMLInputElement>("depth");
  depth.value = String(PLAYGROUND_DEFAULTS.depth);
  const showDepth = () => ($("depth-value").textContent = depth.value);
  depth.addEventListener("input", showDepth);
  showDepth();
  $("spec").textContent = `width ${PLAYGROUND_DEFAULTS.width}, ${PLAYGROUND_DEFAULTS.inputDim} inputs, ${PLAYGROUND_DEFAULTS.outputDim} outputs, ` +
    `a fixed batch of ${PLAYGROUND_DEFAULTS.batchSize} random inputs and targets, ${PLAYGROUND_DEFAULTS.steps} steps of SGD at learning rate ${PLAYGROUND_DEFAULTS.learningRate}, seed ${PLAYGROUND_DEFAULTS.seed}`;
  $("train").addEventListener("click", () => void train());
  $("clear").addEventListener("click", () => {
    state.runs = [];
    void drawLoss(null);
  });
  document.body.dataset.ready = "true";
}

void main();
