import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { figureBundle, figureSummary, formatCell, PLOTLY_MIME, progressLine, showFigure, tableBundle } from "../../lib/plot/display";
import { lineChart } from "../../lib/plot/figure";
import { PNG_SIGNATURE } from "../../lib/plot/png";

const fig = lineChart({
  title: "Loss per step",
  xTitle: "step",
  yTitle: "loss",
  logY: true,
  series: [
    { name: "seed 13", x: [0, 1, 2], y: [3e9, 1e3, NaN] },
    { name: "seed 7", x: [0, 1, 2], y: [3e9, 2e9, 1e9] },
  ],
});

test("figureSummary names the title and every trace", () => {
  assert.equal(figureSummary(fig), 'Figure "Loss per step" — traces: seed 13, seed 7');
});

test("figureBundle carries plotly JSON, text and the PNG as base64, and never text/html", () => {
  const png = Buffer.concat([PNG_SIGNATURE, Buffer.from([1, 2, 3])]);
  const { data, metadata } = figureBundle(fig, png);
  assert.deepEqual(Object.keys(data).sort(), ["application/vnd.plotly.v1+json", "image/png", "text/plain"]);
  assert.equal(data["image/png"], png.toString("base64"));
  assert.deepEqual(Buffer.from(data["image/png"] as string, "base64"), png);
  assert.deepEqual(metadata, { "image/png": { width: 800, height: 500 } });
  const plotly = data[PLOTLY_MIME] as typeof fig;
  assert.equal(plotly.data.length, 2);
  assert.equal(plotly.layout.yaxis.type, "log");
  assert.deepEqual(plotly.data[0].y, [3e9, 1e3, null]); // non-finite values travel as JSON null
  assert.notEqual(plotly, fig, "the bundle holds a copy, not the caller's object");
});

test("figureBundle without a PNG still has the interactive figure and text", () => {
  const { data, metadata } = figureBundle(fig, null);
  assert.deepEqual(Object.keys(data).sort(), ["application/vnd.plotly.v1+json", "text/plain"]);
  assert.deepEqual(metadata, {});
});

test("formatCell: integers whole, 4 significant digits, e-notation for tiny and huge", () => {
  assert.equal(formatCell(42), "42");
  assert.equal(formatCell(0.123456), "0.1235");
  assert.equal(formatCell(3.2e9 + 0.5), "3.200e+9");
  assert.equal(formatCell(1.5e-7), "1.500e-7");
  assert.equal(formatCell(0), "0");
  assert.equal(formatCell(NaN), "NaN");
  assert.equal(formatCell("He"), "He");
});

test("tableBundle: static HTML (escaped, no scripts) and aligned plain text", () => {
  const b = tableBundle(["init", "loss"], [["He <2015>", 0.5], ["Xavier", 12]]);
  assert.equal(b["text/plain"], ["init       loss", "---------  ----", "He <2015>  0.5", "Xavier     12"].join("\n"));
  const html = b["text/html"] as string;
  assert.match(html, /<th>init<\/th><th>loss<\/th>/);
  assert.match(html, /He &lt;2015&gt;/);
  assert.match(html, /<td style="text-align:right">12<\/td>/);
  assert.doesNotMatch(html, /<script/);
});

test("tableBundle rejects a row of the wrong length, naming expected and got", () => {
  assert.throws(() => tableBundle(["a", "b"], [[1, 2], [3]]), /row 1 has 1 cells, expected 2/);
  assert.throws(() => tableBundle([], []), /at least one header/);
});

test("progressLine draws a bar from the fraction and rejects fractions outside [0, 1]", () => {
  assert.equal(progressLine("training", "step 5"), "training: step 5");
  assert.equal(progressLine("training", "step 500", 0.5), "training [##########----------]  50% step 500");
  assert.throws(() => progressLine("training", "x", 1.5), /fraction must be in \[0, 1\], got 1.5/);
});

// showFigure outside a kernel, in a child process so the environment (chromium path, COURSE_REQUIRE_PNG) is its own.
const displayModule = require.resolve("../../lib/plot/display");
function runShowFigure(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const script = `require(${JSON.stringify(displayModule)}).showFigure(${JSON.stringify(fig)})
    .then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); });`;
  const r = spawnSync(process.execPath, ["-e", script], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("without chromium, showFigure still shows the figure's text and warns once (interactive session)", () => {
  const r = runShowFigure({ COURSE_CHROMIUM: "/nonexistent/chromium", COURSE_REQUIRE_PNG: "" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'Figure "Loss per step" — traces: seed 13, seed 7');
  assert.match(r.stderr, /no static PNG: chromium not found at \/nonexistent\/chromium/);
});

test("without chromium, showFigure fails when the run requires PNGs (the notebook command)", () => {
  const r = runShowFigure({ COURSE_CHROMIUM: "/nonexistent/chromium", COURSE_REQUIRE_PNG: "1" });
  assert.equal(r.status, 3);
  assert.match(r.stderr, /COURSE_REQUIRE_PNG=1 but chromium is not at \/nonexistent\/chromium/);
});

test("showFigure rejects a figure without traces or title", async () => {
  await assert.rejects(showFigure({ ...fig, data: [] }), /has no traces/);
  await assert.rejects(showFigure({ ...fig, layout: { ...fig.layout, title: { text: "" } } }), /needs layout.title.text/);
});
