#!/usr/bin/python3
"""Render the executed notebooks as an offline HTML course in rendered/ (run with Debian's /usr/bin/python3).

    rendered/index.html         contents: one link per notebook, with its title
    rendered/<notebook>.html    JupyterLab-style page: code, outputs, figures
    rendered/plotly.js          the ONE local copy of plotly.js (from node_modules/plotly.js-dist) all pages share
    rendered/playground.html    train a deep net in the browser from a chosen start (TensorFlow.js, no kernel)
    rendered/playground.js      its bundle: playground/main.ts + lib/playground + lib/init + TensorFlow.js (esbuild)
    rendered/mathjax/           a local subset of Debian's MathJax (libjs-mathjax), when installed

Figures are interactive (drawn by the local plotly.js) with the notebook's PNG as the fallback. Nothing on a page
is fetched from the network. The notebooks are rendered as committed: run `npm run notebooks` first to refresh them.
"""

import html
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "rendered"
TEMPLATES = Path(__file__).resolve().parent / "nbconvert_templates"
PLOTLY_JS = ROOT / "node_modules" / "plotly.js-dist" / "plotly.js"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
PLAYGROUND = ROOT / "playground"
MATHJAX = Path("/usr/share/javascript/mathjax")
# What MathJax 2 needs for TeX -> CommonHTML: the loader, one combined config, the output jax and its web fonts.
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "jax/output/CommonHTML", "fonts/HTML-CSS/TeX/woff"]


def copy_assets() -> bool:
    """Copy plotly.js and (if Debian's libjs-mathjax is installed) a MathJax subset; return whether MathJax is there."""
    if not PLOTLY_JS.is_file():
        sys.exit(f"render_course: {PLOTLY_JS} is missing; run `npm ci` first")
    shutil.copyfile(PLOTLY_JS, OUT / "plotly.js")
    if not (MATHJAX / "MathJax.js").is_file():
        print(f"  (no MathJax at {MATHJAX}: formulas stay as TeX; apt-get install libjs-mathjax to typeset them)")
        return False
    for part in MATHJAX_PARTS:
        src, dst = MATHJAX / part, OUT / "mathjax" / part
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copyfile(src, dst)
    return True


def build_playground() -> None:
    """The playground page and its script bundle (type-checked and bundled by scripts/bundle_playground.js)."""
    shutil.copyfile(PLAYGROUND / "playground.html", OUT / "playground.html")
    subprocess.run(["node", str(ROOT / "scripts" / "bundle_playground.js"), str(OUT)], check=True)


def title_of(nb, fallback: str) -> str:
    """The notebook's first markdown heading, else its file name."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def figure_count(nb) -> int:
    return sum(1 for c in nb.cells if c.cell_type == "code"
               for o in c.get("outputs", []) if PLOTLY_MIME in o.get("data", {}))


def write_index(entries) -> None:
    items = "\n".join(
        f'<li><a href="{html.escape(page)}">{html.escape(title)}</a> '
        f'<span class="meta">({figures} figure{"s" if figures != 1 else ""})</span></li>'
        for page, title, figures in entries
    )
    (OUT / "index.html").write_text(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Why deep networks need careful initialization</title>
<style>body {{ font-family: sans-serif; max-width: 760px; margin: 2em auto; line-height: 1.5; }}
.meta {{ color: #777; font-size: 90%; }}</style></head>
<body>
<h1>Why deep networks need careful initialization</h1>
<p>A TypeScript notebook course, rendered with its outputs. Figures are interactive and work offline.</p>
<ol>
{items}
</ol>
<p><a href="playground.html"><b>Playground</b></a>: train a deep network in your browser from the start you choose
(zeros, N(0,1), N(0,0.01²), Xavier, He), any depth, ReLU or tanh, and watch its loss and every layer's spread.
No kernel needed.</p>
</body></html>
""", encoding="utf-8")


def main(args) -> int:
    paths = [Path(a).resolve() for a in args] or sorted(NOTEBOOKS.glob("*.ipynb"))
    if not paths:
        print(f"render_course: no notebooks in {NOTEBOOKS}", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    mathjax = copy_assets()
    # Plotly JSON first: our template turns it into a figure div (with the PNG inside as fallback).
    priority = [PLOTLY_MIME] + HTMLExporter().default_config.NbConvertBase.display_data_priority
    config = Config({"NbConvertBase": {"display_data_priority": priority}})
    exporter = HTMLExporter(config=config, template_name="course", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_anchor_links = True
    entries = []
    for i, path in enumerate(paths, 1):
        start = time.monotonic()
        nb = nbformat.read(path, as_version=4)
        page = path.stem + ".html"
        title = title_of(nb, path.stem)
        resources = {"metadata": {"name": title}, "course_mathjax": "mathjax/MathJax.js?config=TeX-AMS_CHTML-full" if mathjax else ""}
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        (OUT / page).write_text(body, encoding="utf-8")
        entries.append((page, title, figure_count(nb)))
        print(f"[{i}/{len(paths)}] {path.name} -> rendered/{page}  ({entries[-1][2]} figures, "
              f"{time.monotonic() - start:.1f} s)", flush=True)
    write_index(entries)
    build_playground()
    print(f"wrote rendered/index.html; open it in a browser (file://{OUT / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
