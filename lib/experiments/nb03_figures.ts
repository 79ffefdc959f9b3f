// Figure builders for notebook 03: the depth sweep as a slider figure (precomputed, so it works without a kernel).

import { Figure, Trace } from "../plot/figure";
import { sliderFigure } from "../plot/slider";
import { COLORWAY } from "../plot/zoom";
import { DepthSweepPoint } from "./nb03_depth_sweep";
import { compact } from "./nb02_figures";
import { checkArray } from "../engine/checks";

/**
 * Left: the training loss of each initializer at one depth. Right: how many times each one's loss fell in its run,
 * against depth, with the slider's depth ringed. The slider moves the depth; it starts at the deepest.
 */
export function depthSweepFigure(points: DepthSweepPoint[]): Figure {
  checkArray("depthSweepFigure", "points", points);
  if (points.length < 2) throw new Error(`depthSweepFigure: expected at least 2 depths, got ${points.length}`);
  const names = points[0].runs.map((r) => r.initializer);
  points.forEach((p) => {
    const got = p.runs.map((r) => r.initializer).join(", ");
    if (got !== names.join(", ")) throw new Error(`depthSweepFigure: depth ${p.depth} has runs ${got}; depth ${points[0].depth} has ${names.join(", ")}`);
  });
  const depths = points.map((p) => p.depth);
  const fell = names.map((_, k) => points.map((p) => p.runs[k].lossRatio));
  const steps = points.map((p, i) => {
    const curves: Trace[] = p.runs.map((r, k) => ({
      type: "scatter",
      mode: "lines",
      name: `${r.initializer}: loss`,
      x: r.history.loss.map((_, t) => t),
      y: r.history.loss.map((v) => (Number.isFinite(v) ? v : null)),
      line: { color: COLORWAY[k] },
    }));
    const summary: Trace[] = names.map((name, k) => ({
      type: "scatter",
      mode: "lines+markers",
      name: `${name}: initial / final`,
      x: depths,
      y: fell[k],
      line: { color: COLORWAY[k], dash: "dot" },
      marker: { color: COLORWAY[k] },
      xaxis: "x2",
      yaxis: "y2",
      hovertemplate: `${name}, %{x} layers: loss fell %{y:.3g}×<extra></extra>`,
    }));
    const ring: Trace = {
      type: "scatter",
      mode: "markers",
      name: "depth shown on the left",
      x: names.map(() => p.depth),
      y: names.map((_, k) => fell[k][i]),
      marker: { color: "rgba(0,0,0,0)", size: 16, line: { color: "#000", width: 2 } } as Trace["marker"],
      xaxis: "x2",
      yaxis: "y2",
      hoverinfo: "skip",
    };
    const said = p.runs.map((r) => `${r.initializer}'s loss fell ×${compact(r.lossRatio)}`).join(", ");
    const figure: Figure = {
      data: [...curves, ...summary, ring],
      layout: {
        title: { text: `${p.depth} ReLU layers of 128, same data: ${said}` },
        xaxis: { title: { text: "step" }, type: "linear", domain: [0, 0.36] },
        yaxis: { title: { text: "mean squared loss (log scale)" }, type: "log", exponentformat: "power" },
        xaxis2: { title: { text: "hidden layers" }, type: "linear", domain: [0.47, 0.83], anchor: "y2", tickvals: depths },
        yaxis2: { title: { text: "initial / final loss (log scale)" }, type: "log", exponentformat: "power", anchor: "x2" },
        showlegend: true,
        legend: { x: 0.86, y: 1, font: { size: 10 } },
        annotations: [],
      },
    };
    return { label: String(p.depth), figure };
  });
  return sliderFigure({ prefix: "hidden layers: ", steps, active: points.length - 1 });
}
