#!/usr/bin/python3
"""Execute the course notebooks through the project's own tslab kernel and write them back with outputs.

Usage (after `npm run build`; `npm run notebooks` does both):
    /usr/bin/python3 scripts/run_notebooks.py                 # every notebooks/*.ipynb
    /usr/bin/python3 scripts/run_notebooks.py notebooks/02_vanishing_and_exploding.ipynb

Run it with Debian's /usr/bin/python3: that is the interpreter with nbclient and nbformat.
The kernel is registered inside the project (.jupyter/), never in the user's home, and each notebook runs with
cwd = notebooks/ so `import * as course from "../lib"` finds the built library.
The output is deterministic: no timing metadata, execution counts from a fresh kernel, streams merged.
Any cell error stops the run with a non-zero exit, showing the cell and the error; the notebook is then not written.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
JUPYTER_DIR = ROOT / ".jupyter"
KERNEL_NAME = "tslab"
TSLAB = ROOT / "node_modules" / ".bin" / "tslab"
CELL_TIMEOUT_S = int(os.environ.get("COURSE_CELL_TIMEOUT", "900"))
CELL_TIMES = os.environ.get("COURSE_CELL_TIMES") == "1"

# Must be set before jupyter_client looks for kernel specs.
os.environ["JUPYTER_PATH"] = str(JUPYTER_DIR / "share" / "jupyter")
# Committed notebooks must carry a PNG beside every Plotly figure: make a missing chromium an error in the kernel.
os.environ["COURSE_REQUIRE_PNG"] = "1"

try:  # after JUPYTER_PATH on purpose
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
except ImportError as err:
    sys.exit(f"run_notebooks: {err} in {sys.executable}; run it with Debian's /usr/bin/python3 "
             "(apt-get install python3-nbclient jupyter-nbconvert python3-ipykernel)")


def check_chromium() -> None:
    """Committed notebooks carry a PNG of every figure, drawn in chromium: without it, stop before running anything."""
    chromium = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
    if not os.path.exists(chromium):
        sys.exit(f"run_notebooks: chromium not found at {chromium}; it draws the PNG of every figure in the saved "
                 "notebooks. Install it (apt-get install chromium, or `npm run course`) or set COURSE_CHROMIUM.")


def register_kernel() -> None:
    """Install the tslab kernel spec into .jupyter/, pointing at this project's tslab and Debian's python."""
    if not TSLAB.exists():
        sys.exit(f"run_notebooks: {TSLAB} is missing; run `npm ci` first")
    subprocess.run(
        [str(TSLAB), "install", "--python=/usr/bin/python3", f"--binary={TSLAB}", f"--prefix={JUPYTER_DIR}"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def merge_streams(nb) -> None:
    """Join consecutive stdout (or stderr) chunks, so how the kernel happened to split a print never shows in git."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.get("outputs", []):
            prev = merged[-1] if merged else None
            if (out.output_type == "stream" and prev is not None
                    and prev.output_type == "stream" and prev.name == out.name):
                prev.text += out.text
            else:
                merged.append(out)
        cell.outputs = merged


class NotebookFailed(Exception):
    """A cell failed: the message shows the cell's number, its source and everything it printed."""


def describe_failure(cell, number: int, err: Exception) -> str:
    # tslab reports compile and runtime errors on stderr rather than as an `error` output, so show the streams.
    printed = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            printed.append(out.text)
        elif out.output_type == "error":
            printed.append("\n".join(out.traceback) or f"{out.ename}: {out.evalue}")
    rule = "-" * 72
    # A CellExecutionError's own text only repeats the source; a timeout or dead kernel has a message worth showing.
    reason = "" if isinstance(err, CellExecutionError) else f": {str(err).strip()[-2000:]}"
    return (f"code cell {number} failed:\n{rule}\n{cell.source}\n{rule}\n"
            f"{''.join(printed).rstrip() or '(no output)'}\n{rule}\n{type(err).__name__}{reason}")


def run_one(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    current = {"index": None}

    def code_number(cell_index: int) -> int:
        return sum(1 for c in nb.cells[: cell_index + 1] if c.cell_type == "code")

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index
        current["start"] = time.monotonic()

    def on_cell_executed(cell, cell_index, execute_reply, **_):
        elapsed = time.monotonic() - current["start"]
        if CELL_TIMES and elapsed >= 1.0:  # where a notebook's time goes (COURSE_CELL_TIMES=1)
            print(f"\r    code cell {code_number(cell_index)}: {elapsed:.1f} s", flush=True)
        if sys.stdout.isatty():  # a live counter in a terminal; CI logs get only the per-notebook line
            print(f"\r  cell {code_number(cell_index)}/{code_cells}", end="", flush=True)

    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=CELL_TIMEOUT_S,
        record_timing=False,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        on_cell_start=on_cell_start,
        on_cell_executed=on_cell_executed,
    )
    try:
        client.execute()
    except Exception as err:  # a cell error, a timeout or a dead kernel: all fatal
        i = current["index"]
        if i is None:
            raise
        raise NotebookFailed(describe_failure(nb.cells[i], code_number(i), err)) from err
    finally:
        if sys.stdout.isatty():
            print("\r\033[K", end="")
    merge_streams(nb)
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "TypeScript", "language": "typescript"}
    nbformat.write(nb, path)


def main(args) -> int:
    paths = [Path(a).resolve() for a in args] or sorted(NOTEBOOKS.glob("*.ipynb"))
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"run_notebooks: no such notebook: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not paths:
        print(f"run_notebooks: no notebooks in {NOTEBOOKS}", file=sys.stderr)
        return 2
    check_chromium()
    register_kernel()
    total_start = time.monotonic()
    for i, path in enumerate(paths, 1):
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"[{i}/{len(paths)}] {rel}", flush=True)
        start = time.monotonic()
        try:
            run_one(path)
        except NotebookFailed as err:
            print(f"\nFAILED {rel} after {time.monotonic() - start:.1f} s; the notebook was not written.\n{err}",
                  file=sys.stderr)
            return 1
        print(f"  ok  {time.monotonic() - start:.1f} s", flush=True)
    print(f"executed {len(paths)} notebook(s) in {time.monotonic() - total_start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
