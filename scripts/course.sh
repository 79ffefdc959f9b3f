#!/usr/bin/env bash
# From a fresh clone to executed notebooks: Debian packages, npm ci, build, tslab kernel in .jupyter/, run every notebook.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==== Debian packages (Jupyter, chromium) ===="
bash scripts/install_system_packages.sh
echo "==== npm ci ===="
npm ci
echo "==== Build, register the tslab kernel, execute notebooks/ ===="
npm run notebooks
echo
echo "Done. Open the notebooks in JupyterLab with the kernel registered here:"
echo "  JUPYTER_PATH=\$PWD/.jupyter/share/jupyter jupyter lab notebooks/"
