// Figure builders for notebook 02: the scale sweep as slider figures (one step per weight scale, all precomputed, so
// they work without a kernel), and the Glorot & Bengio-style heat maps of the two naive tanh nets.

import { Figure, Trace } from "../plot/figure";
import { LogHistogramPanel, layerLogHistogramFigure } from "../plot/log_histogram_figure";
import { COLORWAY } from "../plot/zoom";
import { sliderFigure } from "../plot/slider";
import { NetworkStatistics } from "../train/statistics";
import { ScaleSweep, gainLabel } from "./nb02_scale_sweep";
import { checkArray, checkOptions, describeValue } from "../engine/checks";

const LABELS: Record<string, string> = { tanh: "tanh", relu: "ReLU" };
const PREFIX = "gain = std(W)·√fan_in = ";

/** The slider starts here: the gain closest to 1. */
function activeStep(sweep: ScaleSweep): number {
  let best = 0;
  sweep.gains.forEach((g, i) => {
    if (Math.abs(Math.log(g)) < Math.abs(Math.log(sweep.gains[best]))) best = i;
  });
  return best;
}

function checkSweep(sweep: ScaleSweep, name: string): void {
  if (sweep.gains.length < 2) throw new Error(`${name}: expected a sweep of at least 2 gains, got ${sweep.gains.length}`);
}

/**
 * Two panels, the spread of every layer's activations (left) and of the gradient ∂L/∂h back-propagated to it (right),
 * for tanh and ReLU; dashed: the variance argument for the activations (tanh's only where it is near-linear, gain ≤ 1).
 * The slider moves the gain; the y ranges stay fixed, so a line that climbs or falls really does.
 */
export function scaleSweepStdFigure(sweep: ScaleSweep): Figure {
  checkOptions("scaleSweepStdFigure", "sweep (from scaleSweep)", sweep);
  checkSweep(sweep, "scaleSweepStdFigure");
  const steps = sweep.gains.map((gain, g) => {
    const points = sweep.points[g];
    const layers = points[0].statistics.hidden.map((h) => h.layer);
    const data: Trace[] = [];
    points.forEach((p, a) => {
      const color = COLORWAY[a];
      const name = LABELS[p.activation] ?? p.activation;
      data.push(line(`${name}, activations`, layers, p.statistics.hidden.map((h) => h.activationStd), color, "solid", "x", "y"));
    });
    points.forEach((p, a) => {
      const valid = p.activation === "relu" || gain <= 1;
      const name = `${LABELS[p.activation] ?? p.activation}, theory${p.activation === "tanh" ? " (gain ≤ 1 only)" : ""}`;
      data.push(line(name, layers, p.theory.activationStd.map((v) => (valid ? v : null)), COLORWAY[a], "dash", "x", "y"));
    });
    points.forEach((p, a) => {
      data.push({ ...line(`${LABELS[p.activation] ?? p.activation}, ∂L/∂h`, layers, p.statistics.hidden.map((h) => h.backpropGradientStd), COLORWAY[a], "dot", "x2", "y2"), showlegend: true });
    });
    const figure: Figure = {
      data,
      layout: {
        title: { text: `10 layers of 500 at std(W) = ${gainLabel(gain)}/√fan_in: ${spreadSummary(points.map((p) => p.statistics))}` },
        xaxis: { title: { text: "hidden layer" }, type: "linear", dtick: 1, domain: [0, 0.36] },
        yaxis: { title: { text: "std of activations (log scale)" }, type: "log", exponentformat: "power" },
        xaxis2: { title: { text: "hidden layer" }, type: "linear", dtick: 1, domain: [0.47, 0.83], anchor: "y2" },
        yaxis2: { title: { text: "std of ∂L/∂h (log scale)" }, type: "log", exponentformat: "power", anchor: "x2" },
        showlegend: true,
        legend: { x: 0.86, y: 1, font: { size: 10 } },
        annotations: [head("activations", 0.18), head("back-propagated gradients", 0.65)],
      },
    };
    return { label: gainLabel(gain), figure };
  });
  return sliderFigure({ prefix: PREFIX, steps, active: activeStep(sweep) });
}

/** tanh and ReLU side by side, layer × log₁₀|a| heat maps on one colour scale; the slider moves the gain. */
export function scaleSweepHistogramFigure(sweep: ScaleSweep, quantity: "activation" | "gradient" = "activation"): Figure {
  checkOptions("scaleSweepHistogramFigure", "sweep (from scaleSweep)", sweep);
  checkSweep(sweep, "scaleSweepHistogramFigure");
  const steps = sweep.gains.map((gain, g) => {
    const panels: LogHistogramPanel[] = sweep.points[g].map((p) => ({ name: LABELS[p.activation] ?? p.activation, stats: p.statistics }));
    const what = quantity === "activation" ? "activations" : "back-propagated gradients";
    const figure = layerLogHistogramFigure(panels, { title: `10 layers of 500, ${what} at std(W) = ${gainLabel(gain)}/√fan_in`, quantity, zMin: 1e-3 });
    return { label: gainLabel(gain), figure };
  });
  return sliderFigure({ prefix: PREFIX, steps, active: activeStep(sweep) });
}

/** Layer 10's spread as a multiple of layer 1's, per net: "tanh ×0.8, ReLU ×0.03 from layer 1 to 10". */
export function spreadSummary(stats: NetworkStatistics[]): string {
  checkArray("spreadSummary", "stats", stats);
  const parts = stats.map((s) => {
    const first = s.hidden[0].activationStd;
    const last = s.hidden[s.hidden.length - 1].activationStd;
    return `${LABELS[s.activation] ?? s.activation} ×${compact(last / first)}`;
  });
  return `${parts.join(", ")} from layer 1 to ${stats[0].hidden.length}`;
}

/** 2 significant digits, e-notation outside [0.01, 1000): "0.71", "3e-7", "1.2e+4". */
export function compact(v: number): string {
  if (typeof v !== "number") throw new Error(`compact: expected a number, got ${describeValue(v)}`);
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 0.01 || a >= 1000)) return v.toExponential(1).replace(".0e", "e");
  return String(Number(v.toPrecision(2)));
}

function line(name: string, x: number[], y: (number | null)[], color: string, dash: "solid" | "dash" | "dot", xaxis: string, yaxis: string): Trace {
  return {
    type: "scatter",
    mode: dash === "dash" ? "lines" : "lines+markers",
    name,
    x,
    y: y.map((v) => (v !== null && Number.isFinite(v) && v > 0 ? v : null)),
    line: { dash, color },
    marker: { color },
    xaxis,
    yaxis,
  };
}

function head(text: string, x: number): Record<string, unknown> {
  return { text: `<b>${text}</b>`, xref: "paper", yref: "paper", x, y: 1, xanchor: "center", yanchor: "bottom", showarrow: false };
}
