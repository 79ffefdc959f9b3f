// Real-client test: JupyterLab 4 from the project's .venv/, driven by playwright-core in Debian's chromium.
// Run with `npm run test:lab` (builds lib/, refreshes .venv/ and the kernel, then runs this file from source with ts-node).
// For every notebook: open it, Run All, wait until every code cell has run and the kernel is idle, then assert
//   - zero error outputs;
//   - every Plotly figure output is drawn by plotly's JupyterLab renderer (a .js-plotly-plot), not the PNG fallback;
//   - notebook 03 (when its code shows progress): some cell's progress line took at least two distinct states live.
// Prints each notebook's Run All time; saves a screenshot per notebook to .lab-test/screenshots/ (gitignored).
// The notebooks run from a copy in .lab-test/ (a sibling of lib/, so "../lib" resolves): JupyterLab's autosave
// never touches the committed notebooks.

import { spawn, type ChildProcess } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_PATH } from "../lib/plot/png";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const ROOT = path.resolve(__dirname, "..");
const WORK = path.join(ROOT, ".lab-test");
const SCREENSHOTS = path.join(WORK, "screenshots");
const PYTHON = path.join(ROOT, ".venv", "bin", "python");
const PLOTLY_MIME = "application/vnd.plotly.v1+json";
const NOTEBOOK_TIMEOUT_MS = Number(process.env.COURSE_LAB_TIMEOUT_S ?? 900) * 1000;
const only = process.argv.slice(2).map((p) => path.basename(p));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function startLab(port: number, token: string): Promise<ChildProcess> {
  if (!fs.existsSync(PYTHON)) throw new Error(`lab_test: ${PYTHON} is missing; run \`npm run kernel\` first`);
  const args = ["-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", `--port=${port}`,
    `--IdentityProvider.token=${token}`, `--notebook-dir=${WORK}`, "--LabApp.expose_app_in_browser=True",
    "--MappingKernelManager.default_kernel_name=tslab", "--ServerApp.open_browser=False"];
  if (process.getuid?.() === 0) args.push("--allow-root");
  const lab = spawn(PYTHON, args, { stdio: ["ignore", "ignore", "pipe"] });
  const log = fs.createWriteStream(path.join(WORK, "jupyterlab.log"));
  lab.stderr!.pipe(log);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (lab.exitCode !== null) throw new Error(`lab_test: JupyterLab exited with ${lab.exitCode}; see ${WORK}/jupyterlab.log`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/kernelspecs?token=${token}`);
      if (r.ok) {
        const specs = (await r.json()) as { kernelspecs: Record<string, unknown> };
        if (!("tslab" in specs.kernelspecs)) throw new Error(`lab_test: no tslab kernel in .venv/ (found ${Object.keys(specs.kernelspecs)}); run \`npm run kernel\``);
        return lab;
      }
    } catch (err) {
      if ((err as Error).message.startsWith("lab_test:")) throw err;
    }
    if (Date.now() > deadline) throw new Error("lab_test: JupyterLab did not answer within 120 s");
    await new Promise((r) => setTimeout(r, 500));
  }
}

interface CellState { running: boolean; count: number | null; texts: string[] }

/** The open notebook's code cells as the page sees them: running marker, execution count, display_data texts. */
async function cellStates(page: Page): Promise<{ kernel: string; cells: CellState[] }> {
  return page.evaluate(() => {
    const app = (globalThis as Any).jupyterapp;
    const panel = app.shell.currentWidget;
    const kernel = panel?.sessionContext?.session?.kernel?.status ?? "none";
    const cells: Any[] = [];
    for (const cell of panel.content.widgets) {
      if (cell.model.type !== "code") continue;
      const texts: string[] = [];
      const outs = cell.model.outputs;
      for (let i = 0; i < outs.length; i++) {
        const o = outs.get(i).toJSON();
        if (o.output_type === "display_data" && Object.keys(o.data).length === 1 && typeof o.data["text/plain"] !== "undefined") {
          texts.push(String(o.data["text/plain"]));
        }
      }
      const prompt = cell.node.querySelector(".jp-InputPrompt")?.textContent ?? "";
      cells.push({ running: prompt.includes("*"), count: cell.model.executionCount, texts });
    }
    return { kernel, cells };
  });
}

/** Scroll to each code cell with figures; count Plotly outputs in the model and drawn plots in the DOM. */
async function checkOutputs(page: Page): Promise<{ errors: string[]; figures: number; interactive: number }> {
  const nCells: number = await page.evaluate(() => (globalThis as Any).jupyterapp.shell.currentWidget.content.widgets.length);
  const errors: string[] = [];
  let figures = 0;
  let interactive = 0;
  for (let i = 0; i < nCells; i++) {
    const info = await page.evaluate(async ({ i, mime }) => {
      const nb = (globalThis as Any).jupyterapp.shell.currentWidget.content;
      const cell = nb.widgets[i];
      if (cell.model.type !== "code") return { errors: [] as string[], figures: 0 };
      const errs: string[] = [];
      let figs = 0;
      const outs = cell.model.outputs;
      for (let k = 0; k < outs.length; k++) {
        const o = outs.get(k).toJSON();
        if (o.output_type === "error") errs.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
        if (o.data && o.data[mime] !== undefined) figs++;
      }
      if (figs > 0) await nb.scrollToItem(i, "center");
      return { errors: errs, figures: figs };
    }, { i, mime: PLOTLY_MIME });
    errors.push(...info.errors);
    if (info.figures === 0) continue;
    figures += info.figures;
    const drawn = await waitFor(page, async () => page.evaluate(({ i, want }) => {
      const cell = (globalThis as Any).jupyterapp.shell.currentWidget.content.widgets[i];
      // plotly's mime renderer draws into a div of class js-plotly-plot (it may be the output node itself).
      const plots = [...cell.node.querySelectorAll(".jp-Cell-outputArea .js-plotly-plot")].filter((p: Any) => p.querySelector(".main-svg"));
      const n = plots.length;
      return n >= want ? n : null;
    }, { i, want: info.figures }), 30_000);
    interactive += Math.min(drawn ?? 0, info.figures);
    if (drawn === null) {
      const pngs = await page.evaluate((i) => (globalThis as Any).jupyterapp.shell.currentWidget.content.widgets[i].node.querySelectorAll('.jp-Cell-outputArea img[src^="data:image/png"]').length, i);
      errors.push(`cell ${i}: ${info.figures} Plotly figure(s) not drawn interactively (${pngs} <img> fallback(s) shown)`);
    }
  }
  return { errors, figures, interactive };
}

async function waitFor<T>(page: Page, probe: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > deadline) return null;
    await page.waitForTimeout(250);
  }
}

async function runNotebook(page: Page, base: string, token: string, name: string) {
  await page.goto(`${base}/lab/tree/${encodeURIComponent(name)}?token=${token}`);
  const ready = await waitFor(page, () => page.evaluate(() => {
    const app = (globalThis as Any).jupyterapp;
    const panel = app?.shell?.currentWidget;
    const status = panel?.sessionContext?.session?.kernel?.status;
    return panel?.content?.widgets?.length > 0 && status === "idle" ? panel.sessionContext.session.kernel.name : null;
  }), 120_000);
  if (ready === null) throw new Error(`${name}: notebook or kernel not ready within 120 s`);
  if (ready !== "tslab") throw new Error(`${name}: kernel ${ready} started, expected tslab`);
  // Start from empty outputs, so every output checked below comes from this run.
  await page.evaluate(() => (globalThis as Any).jupyterapp.commands.execute("notebook:clear-all-cell-outputs"));
  const t0 = Date.now();
  await page.evaluate(() => { void (globalThis as Any).jupyterapp.commands.execute("notebook:run-all-cells"); });
  const seen = new Map<string, Set<string>>(); // "cell:output" -> distinct texts that one text-only output showed live
  for (;;) {
    const s = await cellStates(page);
    s.cells.forEach((c, i) => {
      if (c.texts.length === 0) return;
      c.texts.forEach((t, k) => {
        const set = seen.get(`${i}:${k}`) ?? new Set<string>();
        set.add(t);
        seen.set(`${i}:${k}`, set);
      });
    });
    const done = s.cells.every((c) => c.count !== null && !c.running) && s.kernel === "idle";
    if (done) break;
    if (Date.now() - t0 > NOTEBOOK_TIMEOUT_MS) throw new Error(`${name}: Run All not finished after ${NOTEBOOK_TIMEOUT_MS / 1000} s`);
    await page.waitForTimeout(300);
  }
  const seconds = (Date.now() - t0) / 1000;
  const out = await checkOutputs(page);
  const mostStates = Math.max(0, ...[...seen.values()].map((s) => s.size));
  await page.screenshot({ path: path.join(SCREENSHOTS, name.replace(/\.ipynb$/, ".png")), fullPage: true });
  return { seconds, ...out, mostStates };
}

async function main(): Promise<void> {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const notebooks = fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb") && (only.length === 0 || only.includes(f))).sort();
  if (notebooks.length === 0) throw new Error(`lab_test: no notebooks match ${only.join(" ")}`);
  for (const nb of notebooks) fs.copyFileSync(path.join(ROOT, "notebooks", nb), path.join(WORK, nb));
  const port = await freePort();
  const token = crypto.randomBytes(16).toString("hex");
  const started = Date.now();
  const lab = await startLab(port, token);
  console.log(`JupyterLab up on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const failures: string[] = [];
  let totalFigures = 0;
  let totalInteractive = 0;
  try {
    for (const nb of notebooks) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const r = await runNotebook(page, `http://127.0.0.1:${port}`, token, nb);
      totalFigures += r.figures;
      totalInteractive += r.interactive;
      const src = fs.readFileSync(path.join(ROOT, "notebooks", nb), "utf8");
      const needsProgress = nb.startsWith("03_") && /progress\(/.test(src);
      console.log(`${nb}: Run All ${r.seconds.toFixed(1)} s, ${r.errors.length} errors, ${r.interactive}/${r.figures} figures interactive, most live progress states in one cell: ${r.mostStates}`);
      failures.push(...r.errors.map((e) => `${nb}: ${e}`));
      if (needsProgress && r.mostStates < 2) failures.push(`${nb}: no cell showed two distinct progress states during Run All (saw ${r.mostStates})`);
      await page.close();
    }
  } finally {
    await browser.close();
    lab.kill("SIGTERM");
  }
  console.log(`All: ${totalInteractive}/${totalFigures} figures drawn interactively; screenshots in ${SCREENSHOTS}`);
  if (failures.length > 0) {
    console.error(`test:lab FAILED:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  console.log("test:lab passed");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
