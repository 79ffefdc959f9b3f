#!/usr/bin/env bash
# Open the course in JupyterLab: the project's .venv/ JupyterLab on notebooks/, with the TypeScript (tslab) kernel.
# Extra arguments go to `jupyter lab` (e.g. `npm run lab -- --no-browser --port 8899`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d build/lib ] || npm run build
bash scripts/kernel.sh
root=(); [ "$(id -u)" -eq 0 ] && root=(--allow-root)   # containers and CI run as root; Jupyter refuses without this
# `python -m jupyter`, not .venv/bin/jupyter: the module form still works after the clone has moved.
exec .venv/bin/python -m jupyter lab --notebook-dir="$PWD/notebooks" \
  --MappingKernelManager.default_kernel_name=tslab "${root[@]}" "$@"
