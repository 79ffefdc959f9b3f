#!/usr/bin/env bash
# The course's Python environment: .venv/ in the project, from the pinned requirements.txt.
# Works where system pip is "externally managed" (Debian 12, Ubuntu 23.04+): nothing is installed outside .venv/.
# Interpreter: $COURSE_PYTHON if set, else Debian's /usr/bin/python3 (needs the python3-venv package, which
# scripts/install_system_packages.sh installs), else the first python3 on PATH that can create a venv.
# Re-running is cheap: it reinstalls only when requirements.txt changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.requirements.sha256"
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && "$VENV/bin/python" -c "import jupyterlab" 2>/dev/null; then
  echo "Python environment: $VENV up to date ($("$VENV/bin/python" --version), jupyterlab $("$VENV/bin/python" -c 'import jupyterlab; print(jupyterlab.__version__)'))"
  exit 0
fi

can_venv() { "$1" -c 'import venv, ensurepip' >/dev/null 2>&1; }
candidates=()
[ -n "${COURSE_PYTHON:-}" ] && candidates+=("$COURSE_PYTHON")
candidates+=(/usr/bin/python3 "$(command -v python3 || true)")
PY=""
for c in "${candidates[@]}"; do
  if [ -n "$c" ] && [ -x "$c" ] && can_venv "$c"; then PY=$c; break; fi
done
if [ -z "$PY" ]; then
  echo "venv: no python3 that can create a virtual environment (tried: ${candidates[*]})." >&2
  echo "  On Debian/Ubuntu: sudo apt-get install python3-venv   (or set COURSE_PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 9) else 1)'; then
  echo "venv: $PY is $("$PY" --version 2>&1); JupyterLab 4 needs Python 3.9 or newer (set COURSE_PYTHON)" >&2
  exit 1
fi

echo "Python environment: creating $VENV with $PY ($("$PY" --version 2>&1)) from requirements.txt"
t0=$(date +%s)
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
echo "$want" > "$STAMP"
echo "Python environment: ready in $(( $(date +%s) - t0 )) s ($("$VENV/bin/python" -m jupyter lab --version 2>/dev/null | sed 's/^/jupyterlab /'))"
