// Render a Figure to PNG with the real plotly.js (node_modules/plotly.js-dist, never a CDN) in headless Debian chromium.
// One browser and one page per process: launched on first use, reused for every figure, closed after IDLE_CLOSE_MS
// without a figure (so a script that drew a figure can exit; a kernel relaunches it for the next one).
// The PNG is what GitHub, nbviewer and exported HTML show, since none of them runs plotly's JavaScript.

import * as fs from "fs";
import type { Browser, Page } from "playwright-core";
import type { Figure } from "./figure";
import { checkFigureArg, describeValue } from "../engine/checks";

/** Where chromium lives; COURSE_CHROMIUM overrides Debian's path. */
export const CHROMIUM_PATH = process.env.COURSE_CHROMIUM ?? "/usr/bin/chromium";

/** The static image size in CSS pixels. Fixed, so the same figure gives the same bytes on every run. */
export const PNG_WIDTH = 800;
export const PNG_HEIGHT = 500;

// Flags measured to work here: no sandbox as root, and no background networking (the network is closed).
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--font-render-hinting=none",
];

let pagePromise: Promise<Page> | null = null;
let browser: Browser | null = null;
let rendersInProgress = 0;
let idleTimer: NodeJS.Timeout | null = null;

/** How long the browser stays open after the last figure. */
export const IDLE_CLOSE_MS = 10_000;

// The timer is unref'd: it never keeps a process alive by itself, only the open browser does, until the timer closes it.
function closeWhenIdle(): void {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (rendersInProgress === 0) void closeBrowser().catch(() => undefined);
  }, IDLE_CLOSE_MS);
  idleTimer.unref();
}

/** Is chromium installed where we look for it? */
export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** The plotly.js bundle shipped by the plotly.js-dist package (a local file). */
export function plotlyJsPath(): string {
  return require.resolve("plotly.js-dist/plotly.js");
}

async function openPage(): Promise<Page> {
  // Required lazily: loading playwright costs time, and a notebook without figures never needs it.
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const launched = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  browser = launched;
  // If chromium dies during a long JupyterLab session, the next figure starts a fresh one instead of failing forever.
  launched.on("disconnected", () => {
    if (browser === launched) {
      browser = null;
      pagePromise = null;
    }
  });
  const context = await launched.newContext({ offline: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html><body><div id="figure"></div></body></html>`);
  await page.addScriptTag({ path: plotlyJsPath() });
  return page;
}

function page(): Promise<Page> {
  if (pagePromise === null) {
    pagePromise = openPage().catch((err) => {
      pagePromise = null;
      throw err;
    });
  }
  return pagePromise;
}

/** PNG signature: every PNG file starts with these 8 bytes. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (!(png instanceof Uint8Array)) throw new Error(`pngSize: expected png to be a Uint8Array, got ${describeValue(png)}`);
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error(`pngSize: expected PNG bytes (signature 89 50 4e 47 0d 0a 1a 0a), got ${buf.length} bytes starting ${buf.subarray(0, 8).toString("hex")}`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Draw `fig` with plotly.js in chromium and return PNG bytes (PNG_WIDTH x PNG_HEIGHT).
 * Throws when chromium is missing (say where it was looked for) or plotly rejects the figure.
 */
export async function renderPng(fig: Figure): Promise<Buffer> {
  checkFigureArg("renderPng", "fig", fig);
  if (!chromiumAvailable()) {
    throw new Error(`renderPng: chromium not found at ${CHROMIUM_PATH}; install Debian's "chromium" package (apt-get install chromium) or set COURSE_CHROMIUM`);
  }
  rendersInProgress++;
  try {
    return await drawPng(await page(), fig);
  } finally {
    rendersInProgress--;
    closeWhenIdle();
  }
}

async function drawPng(p: Page, fig: Figure): Promise<Buffer> {
  const dataUrl = await p.evaluate(
    async ({ figure, width, height }) => {
      // Runs in the page, where plotly.js defined the global Plotly.
      const Plotly = (globalThis as any).Plotly;
      const div = (globalThis as any).document.getElementById("figure");
      await Plotly.newPlot(div, figure.data, figure.layout, { staticPlot: true });
      const url: string = await Plotly.toImage(div, { format: "png", width, height, scale: 1 });
      Plotly.purge(div);
      return url;
    },
    { figure: JSON.parse(JSON.stringify(fig)), width: PNG_WIDTH, height: PNG_HEIGHT },
  );
  const prefix = "data:image/png;base64,";
  if (!dataUrl.startsWith(prefix)) throw new Error(`renderPng: plotly returned "${dataUrl.slice(0, 40)}...", expected a PNG data URL`);
  return Buffer.from(dataUrl.slice(prefix.length), "base64");
}

/** Close the shared browser now (tests call this; otherwise it closes itself after IDLE_CLOSE_MS). */
export async function closeBrowser(): Promise<void> {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  const pending = pagePromise;
  pagePromise = null;
  if (browser === null && pending !== null) await pending.catch(() => null); // a launch under way: let it finish, then close it
  const b = browser;
  browser = null;
  if (b !== null) await b.close();
}
