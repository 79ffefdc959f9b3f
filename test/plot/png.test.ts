import { after, test } from "node:test";
import * as assert from "node:assert/strict";
import { lineChart } from "../../lib/plot/figure";
import { chromiumAvailable, closeBrowser, PNG_HEIGHT, PNG_WIDTH, pngSize, renderPng } from "../../lib/plot/png";

// Chromium is installed by .ci/run; on a machine without it these tests say so and skip, unless the run requires PNGs.
const skip = !chromiumAvailable() && process.env.COURSE_REQUIRE_PNG !== "1" ? "chromium not installed" : false;

after(() => closeBrowser());

const figure = (title: string, ys: number[]) =>
  lineChart({ title, xTitle: "step", yTitle: "loss", series: [{ name: "run", x: ys.map((_, i) => i), y: ys }] });

test("renderPng draws a real PNG of the fixed size with plotly.js in chromium", { skip }, async () => {
  const png = await renderPng(figure("Falling loss", [100, 50, 20, 10, 5]));
  assert.deepEqual(pngSize(png), { width: PNG_WIDTH, height: PNG_HEIGHT });
  // A blank 800x500 PNG compresses to ~3 kB; axes, labels, title and a line take well over 10 kB.
  assert.ok(png.length > 10_000 && png.length < 500_000, `PNG of ${png.length} bytes`);
});

test("renderPng is deterministic and reflects the data", { skip }, async () => {
  const a1 = await renderPng(figure("Same figure", [1, 2, 3]));
  const a2 = await renderPng(figure("Same figure", [1, 2, 3]));
  const b = await renderPng(figure("Same figure", [3, 2, 1]));
  assert.ok(a1.equals(a2), "the same figure must give the same bytes (no churn in committed notebooks)");
  assert.ok(!a1.equals(b), "different data must give a different image");
});

test("pngSize rejects bytes that are not a PNG", () => {
  assert.throws(() => pngSize(Buffer.from("GIF89a and then some bytes")), /expected PNG bytes/);
});

test("after the browser is closed, the next renderPng starts a new one", { skip }, async () => {
  const first = await renderPng(figure("Before", [1, 2]));
  await closeBrowser();
  const second = await renderPng(figure("Before", [1, 2]));
  assert.ok(first.equals(second));
});
