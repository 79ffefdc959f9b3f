// Real-browser test of the rendered course (run `npm run render` first; `npm run test:browser` does both).
// Opens every page of rendered/ in headless Debian chromium with the network off and checks that:
//   - every notebook in notebooks/ has a page, linked from index.html;
//   - each page drew one Plotly plot per figure output of its notebook, with the notebook's number of traces;
//   - nothing was requested from the network, and the console shows no error;
// and saves a full-page screenshot of each page to rendered/screenshots/ (gitignored) for a human to look at.

import { after, before, test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import type { Browser, BrowserContext } from "playwright-core";
import { CHROMIUM_PATH } from "../lib/plot/png";

// Code passed to page.evaluate runs in the page; our tsconfig has no DOM types, so it reaches the page's globals here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const ROOT = path.resolve(__dirname, "..", "..");
const RENDERED = path.join(ROOT, "rendered");
const NOTEBOOKS = process.env.COURSE_NOTEBOOKS ?? path.join(ROOT, "notebooks");
const SCREENSHOTS = path.join(RENDERED, "screenshots");
const PLOTLY_MIME = "application/vnd.plotly.v1+json";

interface NotebookOutput { data?: Record<string, unknown> }
interface NotebookCell { cell_type: string; outputs?: NotebookOutput[] }

/** Trace count of each Plotly figure in a notebook, in order: read from the .ipynb, not from the page under test. */
function expectedFigures(ipynb: string): number[] {
  const nb = JSON.parse(fs.readFileSync(ipynb, "utf8")) as { cells: NotebookCell[] };
  const counts: number[] = [];
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      const fig = out.data?.[PLOTLY_MIME] as { data: unknown[] } | undefined;
      if (fig !== undefined) counts.push(fig.data.length);
    }
  }
  return counts;
}

const notebooks = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();

let browser: Browser;
let context: BrowserContext;

before(async () => {
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  context = await browser.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
});

test("notebooks exist to check", () => {
  assert.ok(notebooks.length > 0, `expected notebooks in ${NOTEBOOKS}, found none`);
});

test("index.html links every notebook's page", () => {
  const index = fs.readFileSync(path.join(RENDERED, "index.html"), "utf8");
  for (const nb of notebooks) {
    const page = nb.replace(/\.ipynb$/, ".html");
    assert.ok(index.includes(`href="${page}"`), `index.html does not link ${page}`);
    assert.ok(fs.existsSync(path.join(RENDERED, page)), `rendered/${page} is missing: run npm run render`);
  }
  assert.ok(fs.existsSync(path.join(RENDERED, "plotly.js")), "rendered/plotly.js (the shared local copy) is missing");
});

for (const nb of notebooks) {
  const stem = nb.replace(/\.ipynb$/, "");
  test(`rendered/${stem}.html draws its figures offline without console errors`, async () => {
    const expected = expectedFigures(path.join(NOTEBOOKS, nb));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("requestfailed", (req) => problems.push(`failed to load ${req.url()}: ${req.failure()?.errorText}`));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
      problems.push(`network request: ${url}`);
      return route.abort();
    });

    await page.goto(`file://${path.join(RENDERED, stem + ".html")}`, { waitUntil: "load" });
    // Plotly draws asynchronously; each figure box gets .course-drawn when its plot resolved.
    await page.waitForFunction(
      () => Array.from((globalThis as Any).document.querySelectorAll(".course-figure") as Any[]).every((b) => b.classList.contains("course-drawn")),
      undefined,
      { timeout: 60_000 },
    );
    if (await page.evaluate(() => "MathJax" in (globalThis as Any))) {
      // Wait for MathJax to typeset, so the screenshot shows formulas and a failure to load its parts shows up.
      await page.waitForFunction(() => {
        const mj = (globalThis as Any).MathJax as { Hub?: { queue?: { pending: number; running: number } } } | undefined;
        return mj?.Hub?.queue !== undefined && mj.Hub.queue.pending === 0 && mj.Hub.queue.running === 0;
      }, undefined, { timeout: 60_000 });
    }

    const drawn = await page.evaluate(() =>
      Array.from((globalThis as Any).document.querySelectorAll(".course-figure") as Any[]).map((box) => ({
        plots: box.querySelectorAll(".js-plotly-plot").length as number,
        svgs: box.querySelectorAll(".js-plotly-plot svg.main-svg").length as number,
        // one <g class="trace ..."> per drawn cartesian trace (scatter, bar, histogram); heatmaps draw a g.hm
        traces: box.querySelectorAll(".cartesianlayer g.trace, .cartesianlayer g.hm").length as number,
        title: (box.querySelector(".gtitle")?.textContent ?? "") as string,
        fallbackWidth: (box.querySelector("img.course-png")?.naturalWidth ?? 0) as number,
      })),
    );
    const mathErrors: number = await page.evaluate(() => (globalThis as Any).document.querySelectorAll(".MathJax_Error, .mjx-merror").length);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${stem}.png`), fullPage: true });
    await page.close();

    assert.deepEqual(problems, [], `${stem}: expected no network requests and no console errors`);
    assert.equal(drawn.length, expected.length, `${stem}: expected ${expected.length} figures (from ${nb}), the page has ${drawn.length}`);
    drawn.forEach((d, i) => {
      assert.equal(d.plots, 1, `${stem} figure ${i + 1}: expected one Plotly plot, found ${d.plots}`);
      assert.ok(d.svgs >= 1, `${stem} figure ${i + 1}: no Plotly SVG drawn`);
      assert.equal(d.traces, expected[i], `${stem} figure ${i + 1} "${d.title}": expected ${expected[i]} traces drawn, found ${d.traces}`);
      assert.ok(d.title.length > 0, `${stem} figure ${i + 1}: no title drawn`);
      assert.equal(d.fallbackWidth, 800, `${stem} figure ${i + 1}: the PNG fallback is missing or not a valid 800 px image`);
    });
    assert.equal(mathErrors, 0, `${stem}: MathJax reported ${mathErrors} formula error(s)`);
  });
}
