#!/usr/bin/env bash
# From a fresh clone to executed notebooks: Debian packages, npm ci, the project's Python environment (.venv/ with
# JupyterLab), build, the tslab kernel, run every notebook.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==== Debian packages (Jupyter, chromium) ===="
bash scripts/install_system_packages.sh
echo "==== npm ci ===="
npm ci
echo "==== Python environment (.venv/, JupyterLab) and the TypeScript kernel ===="
bash scripts/kernel.sh
echo "==== Build, register the tslab kernel, execute notebooks/ ===="
npm run notebooks
echo
echo "Done. Open the course in JupyterLab (TypeScript kernel preselected):"
echo "  npm run lab"
