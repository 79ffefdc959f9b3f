#!/usr/bin/python3
"""Fail if freshly executed notebooks print anything other than their committed copies.

Run after `npm run notebooks` in a clean checkout (CI does): for every code cell, the text a reader sees
(printed streams, text/plain, text/html) must equal what is committed at HEAD, so a committed notebook can never show
numbers the current library does not produce. PNG bytes are not compared (fonts differ between machines), and cells
tagged "timing" (wall-clock measurements) are skipped.

Usage: /usr/bin/python3 scripts/check_notebook_outputs.py [notebooks/NAME.ipynb ...]
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_MIMES = ("text/plain", "text/html")


def visible_text(cell: dict) -> list:
    shown = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            shown.append((out.get("name"), "".join(out.get("text", ""))))
        for mime in TEXT_MIMES:
            if mime in out.get("data", {}):
                value = out["data"][mime]
                shown.append((mime, "".join(value) if isinstance(value, list) else value))
        if out.get("output_type") == "error":
            shown.append(("error", out.get("ename", "") + ": " + out.get("evalue", "")))
    return shown


def committed(path: Path) -> dict:
    rel = path.resolve().relative_to(ROOT).as_posix()
    text = subprocess.run(["git", "show", f"HEAD:{rel}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return json.loads(text)


def differences(path: Path) -> list:
    fresh, old = json.loads(path.read_text()), committed(path)
    fresh_cells = [c for c in fresh["cells"] if c["cell_type"] == "code"]
    old_cells = [c for c in old["cells"] if c["cell_type"] == "code"]
    if len(fresh_cells) != len(old_cells):
        return [f"{len(fresh_cells)} code cells now, {len(old_cells)} committed"]
    found = []
    for n, (new, was) in enumerate(zip(fresh_cells, old_cells), start=1):
        if "timing" in new.get("metadata", {}).get("tags", []):
            continue
        a, b = visible_text(new), visible_text(was)
        if a != b:
            first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            now = a[first][1][:400] if first < len(a) else "(nothing)"
            then = b[first][1][:400] if first < len(b) else "(nothing)"
            found.append(f"code cell {n}, output {first + 1}:\n  committed: {then!r}\n  fresh:     {now!r}")
    return found


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    failed = 0
    for path in paths:
        diffs = differences(path)
        print(f"{'ok  ' if not diffs else 'DIFF'} {path.relative_to(ROOT) if path.is_absolute() else path}")
        for d in diffs:
            print("  " + d.replace("\n", "\n  "))
        failed += bool(diffs)
    if failed:
        print(f"\n{failed} notebook(s) print something other than their committed copy. "
              "Re-run `npm run notebooks` and commit the notebooks, or find what made the output change.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
