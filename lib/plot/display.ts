// Showing things in a notebook: the only side effects in lib/plot. Figures are built as data elsewhere (figure.ts);
// here they become Jupyter display_data bundles sent through the running tslab kernel.
//
// tslab's public `display` sends one mime type per message, but a figure needs one bundle with three:
//   application/vnd.plotly.v1+json  the figure itself, drawn interactively by JupyterLab's plotly extension
//   image/png                       the same figure drawn by plotly.js in chromium, for GitHub / nbviewer / HTML
//   text/plain                      a one-line summary for terminals and front ends with neither
// So we call the writer tslab keeps for the executing cell (tslab/dist/jupyter: lastWriteDisplayData), which takes a
// whole bundle. No text/html with scripts: untrusted notebooks in JupyterLab would show it blank.

import type { Figure } from "./figure";
import { chromiumAvailable, CHROMIUM_PATH, PNG_HEIGHT, PNG_WIDTH, renderPng } from "./png";
import { observeSteps } from "../train/step_observer";
import { checkFigureArg, describeValue, expectInteger } from "../engine/checks";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A Jupyter mime bundle: mime type -> content (strings; JSON mime types take objects). */
export type MimeBundle = Record<string, unknown>;

interface DisplayMessage {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}
type DisplayWriter = (message: DisplayMessage, update: boolean) => void;

/**
 * The running kernel's display writer, or null outside a tslab kernel (tests, plain node).
 * We only look at tslab if the kernel already loaded it, so plain node never pays for loading the TS compiler.
 */
function kernelWriter(): DisplayWriter | null {
  let resolved: string;
  try {
    resolved = require.resolve("tslab/dist/jupyter");
  } catch {
    return null;
  }
  const mod = require.cache[resolved];
  if (mod === undefined) return null;
  return (mod.exports as { lastWriteDisplayData: DisplayWriter | null }).lastWriteDisplayData;
}

/**
 * Send a bundle to the notebook; outside a kernel print its text/plain instead. Output that arrives later (timers,
 * awaited work) passes the writer it captured when its cell started, so it stays with that cell.
 */
export function emitBundle(data: MimeBundle, metadata: Record<string, unknown> = {}, displayId?: string, update = false,
  write: DisplayWriter | null = kernelWriter()): void {
  if (write === null) {
    console.log(String(data["text/plain"] ?? ""));
    return;
  }
  write({ data, metadata, transient: displayId === undefined ? {} : { display_id: displayId } }, update);
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

/** One line naming the figure and its traces, e.g. `Figure "Loss per step" — traces: seed 13, seed 7`. */
export function figureSummary(fig: Figure): string {
  checkFigure(fig, "figureSummary");
  const names = fig.data.map((t, i) => t.name ?? `trace ${i}`);
  return `Figure "${fig.layout.title.text}" — traces: ${names.join(", ")}`;
}

/** The display bundle for a figure: Plotly JSON, text summary and (when given) the PNG as base64. */
export function figureBundle(fig: Figure, png: Uint8Array | null): { data: MimeBundle; metadata: Record<string, unknown> } {
  checkFigure(fig, "figureBundle");
  if (png !== null && !(png instanceof Uint8Array)) throw new Error(`figureBundle: expected png to be a Uint8Array or null, got ${describeValue(png)}`);
  const data: MimeBundle = {
    [PLOTLY_MIME]: JSON.parse(JSON.stringify(fig)), // a plain copy: what JSON can carry (NaN becomes null)
    "text/plain": figureSummary(fig),
  };
  const metadata: Record<string, unknown> = {};
  if (png !== null) {
    data["image/png"] = Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString("base64");
    metadata["image/png"] = { width: PNG_WIDTH, height: PNG_HEIGHT };
  }
  return { data, metadata };
}

function checkFigure(fig: Figure, where = "showFigure"): void {
  checkFigureArg(where, "fig", fig);
  if (fig.data.length === 0) throw new Error(`${where}: figure "${fig.layout.title?.text}" has no traces`);
  if (!fig.layout.title?.text) throw new Error(`${where}: every figure needs layout.title.text`);
}

let warnedNoChromium = false;

/** PNG bytes, or null when chromium is absent and the run does not require it (COURSE_REQUIRE_PNG unset). */
async function pngOrNull(fig: Figure): Promise<Buffer | null> {
  if (chromiumAvailable()) return renderPng(fig);
  if (process.env.COURSE_REQUIRE_PNG === "1") {
    throw new Error(`showFigure: COURSE_REQUIRE_PNG=1 but chromium is not at ${CHROMIUM_PATH}; committed notebooks need a PNG beside every figure (apt-get install chromium)`);
  }
  if (!warnedNoChromium) {
    warnedNoChromium = true;
    console.error(`(no static PNG: chromium not found at ${CHROMIUM_PATH}; the interactive figure is still shown)`);
  }
  return null;
}

/** After this long drawing a figure's PNG (the first one in a kernel starts chromium: about 3 s), say so live. */
const FIGURE_WAIT_LINE_MS = 700;
const figureWaitLineMs = () => Number(process.env.COURSE_FIGURE_WAIT_LINE_MS ?? FIGURE_WAIT_LINE_MS); // tests set 0
let figureCount = 0;

/** The live line shown while a figure's PNG copy is being drawn; the figure itself then takes its place. */
export function figureWaitLine(fig: Figure, seconds: number): string {
  return `Figure "${fig.layout.title.text}": drawing its PNG copy (for GitHub and nbviewer), ${seconds.toFixed(1)} s`;
}

/**
 * Show a figure in the notebook: interactive Plotly JSON + PNG + text summary, as one output. If the PNG takes longer
 * than FIGURE_WAIT_LINE_MS, a line saying so updates live in the figure's place and is then replaced by the figure
 * (one output either way: the saved notebook holds only the figure).
 */
export async function showFigure(fig: Figure): Promise<void> {
  checkFigure(fig);
  const write = kernelWriter();
  const displayId = `course-figure-${process.pid}-${++figureCount}`;
  const started = performance.now();
  let waitShown = false;
  let timer: NodeJS.Timeout | undefined;
  if (write !== null) {
    timer = setTimeout(function tick() {
      emitBundle({ "text/plain": figureWaitLine(fig, (performance.now() - started) / 1000) }, {}, displayId, waitShown, write);
      waitShown = true;
      timer = setTimeout(tick, 500);
    }, figureWaitLineMs());
  }
  let png: Buffer | null;
  try {
    png = await pngOrNull(fig);
  } catch (err) {
    // No waiting line left behind: the interactive figure takes its place, then the cell shows the error.
    if (waitShown) emitBundle(figureBundle(fig, null).data, {}, displayId, true, write);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const { data, metadata } = figureBundle(fig, png);
  if (waitShown) emitBundle(data, metadata, displayId, true, write);
  else emitBundle(data, metadata, undefined, false, write);
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

export type Cell = string | number;

/** Numbers as a reader wants them: integers whole, others to 4 significant digits, tiny/huge ones in e-notation. */
export function formatCell(value: Cell): string {
  if (typeof value !== "string" && typeof value !== "number") throw new Error(`formatCell: expected a number or a string, got ${describeValue(value)}`);
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The bundle for a table: a static HTML table (no scripts, no styles needing trust) and aligned plain text. */
export function tableBundle(headers: string[], rows: Cell[][]): MimeBundle {
  if (!Array.isArray(headers) || !Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw new Error(`showTable: expected headers (an array of strings) and rows (an array of arrays), got ${describeValue(headers)} and ${describeValue(rows)}`);
  }
  if (headers.length === 0) throw new Error("showTable: expected at least one header, got none");
  rows.forEach((row, i) => {
    if (row.length !== headers.length) {
      throw new Error(`showTable: row ${i} has ${row.length} cells, expected ${headers.length} (one per header: ${headers.join(", ")})`);
    }
  });
  const text = rows.map((row) => row.map(formatCell));
  const widths = headers.map((h, j) => Math.max(h.length, ...text.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j])).join("  ").trimEnd();
  const plain = [line(headers), line(widths.map((w) => "-".repeat(w))), ...text.map(line)].join("\n");
  const numeric = headers.map((_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === "number"));
  const td = (c: string, j: number) => `<td${numeric[j] ? ' style="text-align:right"' : ""}>${escapeHtml(c)}</td>`;
  const html = [
    "<table>",
    `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...text.map((r) => `<tr>${r.map(td).join("")}</tr>`),
    "</tbody>",
    "</table>",
  ].join("\n");
  return { "text/html": html, "text/plain": plain };
}

/** Show a table of values; numbers are formatted by formatCell. */
export function showTable(headers: string[], rows: Cell[][]): void {
  emitBundle(tableBundle(headers, rows));
}

// ---------------------------------------------------------------------------------------------------------------
// Live progress for long cells

export interface Progress {
  /** Replace the progress line; `fraction` in [0, 1] draws a bar. The seconds since progress() are appended. */
  update(text: string, fraction?: number): void;
  /**
   * Runs fn, updating the line from inside every training loop fn runs (at most about 5 times a second):
   * `run k/n, step s/S, loss L, T s`. A loop's step 0 starts the next run; pass `runs` when you know how many.
   */
  track<T>(fn: () => T, runs?: number): T;
  /** Write the final line (kept in the saved notebook, so make it deterministic: no timings). */
  done(text: string): void;
}

/** The text of one progress line, e.g. `training [##########----------]  50% step 500`. */
export function progressLine(label: string, text: string, fraction?: number): string {
  if (typeof label !== "string" || typeof text !== "string") throw new Error(`progressLine: expected label and text to be strings, got ${describeValue(label)} and ${describeValue(text)}`);
  if (fraction === undefined) return `${label}: ${text}`;
  if (!(fraction >= 0 && fraction <= 1)) throw new Error(`progress "${label}": fraction must be in [0, 1], got ${fraction}`);
  const width = 20;
  const filled = Math.round(fraction * width);
  const pct = `${Math.round(fraction * 100)}%`.padStart(4);
  return `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct} ${text}`;
}

/** What track() shows for step `step` of `steps` in run `run` (1-based) of `runs` (0: not known). */
export function trackedStepText(run: number, runs: number, step: number, steps: number, loss: number): { text: string; fraction?: number } {
  expectInteger("trackedStepText", "run", run, 1);
  expectInteger("trackedStepText", "runs", runs, 0);
  expectInteger("trackedStepText", "step", step, 0);
  expectInteger("trackedStepText", "steps", steps, 1);
  if (typeof loss !== "number") throw new Error(`trackedStepText: expected loss to be a number, got ${describeValue(loss)}`);
  const lossText = Number.isFinite(loss) ? loss.toExponential(3) : String(loss);
  const runText = runs > 0 ? `run ${run}/${runs}` : `run ${run}`;
  const text = `${runText}, step ${step + 1}/${steps}, loss ${lossText}`;
  if (runs <= 0) return { text };
  return { text, fraction: Math.min(1, (run - 1 + (step + 1) / steps) / runs) };
}

const TRACK_UPDATE_MS = 200;
let progressCount = 0;

/**
 * A progress line that updates in place while a cell computes, then stays as its final line.
 * Updates reach JupyterLab live even from a synchronous loop; outside a kernel only `done` prints.
 */
export function progress(label: string): Progress {
  if (typeof label !== "string" || label === "") throw new Error(`progress: expected a non-empty label, got ${JSON.stringify(label)}`);
  // Display ids only have to be unique within the kernel session; they are not saved in the notebook.
  const displayId = `course-progress-${process.pid}-${++progressCount}`;
  const started = performance.now();
  const write = kernelWriter();
  let shown = false;
  const send = (line: string) => {
    emitBundle({ "text/plain": line }, {}, displayId, shown, write);
    shown = true;
  };
  const bar: Progress = {
    update(text, fraction) {
      const line = progressLine(label, text, fraction);
      if (write !== null) send(`${line}  ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
    track(fn, runs = 0) {
      if (!Number.isInteger(runs) || runs < 0) throw new Error(`progress "${label}".track: runs must be a whole number ≥ 0, got ${runs}`);
      if (write === null) return fn(); // nobody to show it to: skip the bookkeeping
      let run = 0;
      let lastUpdate = -Infinity;
      return observeSteps((step, steps, loss) => {
        if (step === 0) run++;
        const now = performance.now();
        if (now - lastUpdate < TRACK_UPDATE_MS && step + 1 < steps) return;
        lastUpdate = now;
        const { text, fraction } = trackedStepText(run, runs > 0 ? Math.max(runs, run) : 0, step, steps, loss);
        bar.update(text, fraction);
      }, fn);
    },
    done(text) {
      const line = progressLine(label, text, 1);
      if (write !== null) send(line);
      else console.log(line);
    },
  };
  return bar;
}
