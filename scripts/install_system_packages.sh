#!/usr/bin/env bash
# Debian packages the course needs, installed only when missing:
#   python3-venv for the project's .venv/ (JupyterLab, scripts/venv.sh); Jupyter (nbclient, nbconvert, ipykernel) to execute and render the notebooks; numpy + OpenBLAS for the fixture
#   script; chromium (+ fonts) for figure PNGs and the browser test; MathJax for formulas in the rendered pages.
set -euo pipefail

PACKAGES=(python3-venv jupyter-nbconvert python3-nbclient jupyter-notebook python3-ipykernel python3-numpy libopenblas0-pthread
          chromium fonts-liberation fonts-dejavu-core libjs-mathjax)

if ! command -v dpkg >/dev/null 2>&1; then
  echo "No dpkg: this is not Debian. Install the equivalents of: ${PACKAGES[*]}" >&2
  echo "(Jupyter with nbclient and nbconvert for /usr/bin/python3, and chromium at /usr/bin/chromium or COURSE_CHROMIUM)" >&2
  exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages: all ${#PACKAGES[@]} present"
  exit 0
fi

echo "Debian packages missing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root, so not installing them. Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  echo "then run this command again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${missing[@]}"
