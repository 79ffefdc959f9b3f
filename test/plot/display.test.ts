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

// Inside a kernel, in a child process whose require cache holds a stand-in for tslab's display writer: every message
// the course sends is recorded as JSON lines on stdout.
function runInFakeKernel(body: string, env: Record<string, string> = {}): { status: number | null; messages: { data: Record<string, unknown>; id?: string; update: boolean }[]; stderr: string } {
  const script = `
    const Module = require("module");
    const id = require.resolve("tslab/dist/jupyter");
    const fake = new Module(id);
    fake.loaded = true;
    fake.exports = { lastWriteDisplayData: (m, update) => process.stdout.write(JSON.stringify({ data: m.data, id: m.transient.display_id, update }) + "\\n") };
    require.cache[id] = fake;
    const display = require(${JSON.stringify(displayModule)});
    (async () => { ${body} })().then(() => process.exit(0), (e) => { console.error(e.stack); process.exit(3); });`;
  const r = spawnSync(process.execPath, ["-e", script], { env: { ...process.env, ...env }, encoding: "utf8" });
  const messages = r.stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
  return { status: r.status, messages, stderr: r.stderr };
}

test("in a kernel, a figure whose PNG takes a while shows a live waiting line, then the figure takes its place", () => {
  // The 1.2 s after showFigure returns would catch a waiting-line timer left running (it ticks every 0.5 s).
  const r = runInFakeKernel(`await display.showFigure(${JSON.stringify(fig)}); await new Promise((r) => setTimeout(r, 1200));`,
    { COURSE_FIGURE_WAIT_LINE_MS: "0", COURSE_REQUIRE_PNG: "1" });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.messages.length >= 2, JSON.stringify(r.messages));
  const [first, ...rest] = r.messages;
  const final = rest[rest.length - 1];
  assert.equal(first.update, false);
  assert.match(String(first.data["text/plain"]), /^Figure "Loss per step": drawing its PNG copy \(for GitHub and nbviewer\), \d+\.\d s$/);
  assert.ok(rest.every((m) => m.update && m.id === first.id), "every later message updates the same output");
  assert.ok(first.id !== undefined);
  assert.deepEqual(Object.keys(final.data).sort(), [PLOTLY_MIME, "image/png", "text/plain"].sort());
  assert.equal(final.data["text/plain"], 'Figure "Loss per step" — traces: seed 13, seed 7');
});

test("in a kernel, when the PNG copy fails after the waiting line showed, the interactive figure replaces the line and the cell fails", () => {
  // /bin/false is an executable that is not chromium: playwright's launch fails after the waiting line went out.
  const r = runInFakeKernel(`await display.showFigure(${JSON.stringify(fig)});`, { COURSE_FIGURE_WAIT_LINE_MS: "0", COURSE_CHROMIUM: "/bin/false" });
  assert.equal(r.status, 3, "the cell fails");
  assert.ok(r.messages.length >= 2, JSON.stringify(r.messages));
  assert.match(String(r.messages[0].data["text/plain"]), /drawing its PNG copy/);
  const final = r.messages[r.messages.length - 1];
  assert.equal(final.update, true);
  assert.equal(final.id, r.messages[0].id);
  assert.deepEqual(Object.keys(final.data).sort(), [PLOTLY_MIME, "text/plain"].sort());
});

test("in a kernel, a figure drawn quickly is one plain output with no waiting line", () => {
  const r = runInFakeKernel(`await display.showFigure(${JSON.stringify(fig)});`, { COURSE_FIGURE_WAIT_LINE_MS: "600000", COURSE_REQUIRE_PNG: "1" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.messages.length, 1, JSON.stringify(r.messages.map((m) => m.data["text/plain"])));
  assert.equal(r.messages[0].update, false);
  assert.equal(r.messages[0].id, undefined);
  assert.ok(typeof r.messages[0].data["image/png"] === "string");
});

test("in a kernel, progress().track shows run and step from inside the loop, then one final line in the same output", () => {
  const observer = require.resolve("../../lib/train/step_observer");
  const r = runInFakeKernel(`
    const { reportStep } = require(${JSON.stringify(observer)});
    const bar = display.progress("two runs");
    const busyWait = (ms) => { const t = Date.now(); while (Date.now() - t < ms) {} };
    bar.track(() => { for (let run = 0; run < 2; run++) for (let s = 0; s < 5; s++) { busyWait(60); reportStep(s, 5, 10 - s); } }, 2);
    bar.done("2 runs");`);
  assert.equal(r.status, 0, r.stderr);
  const texts = r.messages.map((m) => String(m.data["text/plain"]));
  assert.ok(r.messages.length >= 3, texts.join("\n"));
  assert.ok(r.messages.every((m) => m.id === r.messages[0].id), "one display id");
  assert.deepEqual(r.messages.map((m) => m.update), [false, ...r.messages.slice(1).map(() => true)]);
  assert.match(texts[0], /^two runs \[#*-*\] +\d+% run 1\/2, step 1\/5, loss 1\.000e\+1  \d+\.\d s$/);
  assert.ok(texts.some((t) => / run 2\/2, step 5\/5, loss 6\.000e\+0 /.test(t)), "the last step of the last run is always shown");
  assert.equal(texts[texts.length - 1], "two runs [####################] 100% 2 runs");
});
