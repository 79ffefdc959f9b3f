// The committed notebooks are what most readers see (GitHub, nbviewer, the rendered course), so check what they carry:
// every code cell executed, no error output, every Plotly figure with its PNG and with title, axis titles and legend,
// and nothing that needs scripts or a network (no text/html with <script>, no inlined plotly.js).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";

const NOTEBOOKS = path.resolve(__dirname, "..", "..", "..", "notebooks");
const PLOTLY_MIME = "application/vnd.plotly.v1+json";

interface Output { output_type: string; data?: Record<string, unknown>; ename?: string; evalue?: string }
interface Cell { cell_type: string; execution_count?: number | null; outputs?: Output[]; source: string | string[] }
interface PlotlyFigure {
  data: { name?: string }[];
  layout: { title?: { text?: string }; xaxis?: { title?: { text?: string } }; yaxis?: { title?: { text?: string } }; showlegend?: boolean };
}

const notebooks = fs.existsSync(NOTEBOOKS) ? fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort() : [];

for (const name of notebooks) {
  test(`committed ${name}: executed, no errors, every figure with PNG, labels and legend, no scripts`, () => {
    const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, name), "utf8")) as { cells: Cell[] };
    const code = nb.cells.filter((c) => c.cell_type === "code");
    code.forEach((cell, i) => {
      const where = `${name} code cell ${i + 1}`;
      assert.equal(typeof cell.execution_count, "number", `${where} was not executed (run npm run notebooks)`);
      for (const out of cell.outputs ?? []) {
        assert.notEqual(out.output_type, "error", `${where} has an error output: ${out.ename}: ${out.evalue}`);
        const data = out.data ?? {};
        const html = data["text/html"];
        if (typeof html === "string" || Array.isArray(html)) {
          const text = Array.isArray(html) ? html.join("") : html;
          assert.doesNotMatch(text, /<script/i, `${where}: text/html with a script (untrusted notebooks show it blank)`);
        }
        assert.ok(!("application/javascript" in data), `${where}: a JavaScript output`);
        const fig = data[PLOTLY_MIME] as PlotlyFigure | undefined;
        if (fig === undefined) continue;
        const title = fig.layout.title?.text ?? "";
        const label = `${where} figure "${title}"`;
        assert.ok(typeof data["image/png"] === "string" && (data["image/png"] as string).length > 1000, `${label} has no PNG`);
        assert.ok(title.length > 0, `${where}: a figure without a title`);
        assert.ok((fig.layout.xaxis?.title?.text ?? "").length > 0, `${label} has no x-axis title`);
        assert.ok((fig.layout.yaxis?.title?.text ?? "").length > 0, `${label} has no y-axis title`);
        if (fig.layout.showlegend === false) {
          // Heat maps have no legend entries: their colour bar, with a title, is the legend.
          const colorbarTitle = (fig.layout as any).coloraxis?.colorbar?.title?.text ?? "";
          assert.ok(fig.data.every((t) => (t as any).type === "heatmap") && colorbarTitle.length > 0,
            `${label} hides its legend and is not a heat map with a titled colour bar`);
        }
        fig.data.forEach((t, k) => assert.ok(t.name, `${label} trace ${k} has no name for the legend`));
      }
    });
    // plotly.js is ~11 MB; a notebook that big has inlined it (or far too much data).
    const size = fs.statSync(path.join(NOTEBOOKS, name)).size;
    assert.ok(size < 5_000_000, `${name} is ${(size / 1e6).toFixed(1)} MB: plotly.js inlined, or figures with too many points?`);
  });
}
