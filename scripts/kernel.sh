#!/usr/bin/env bash
# Register the tslab kernel ("TypeScript", plus tslab's "JavaScript") inside the project's .venv/, without executing
# any notebook. The kernel spec holds this clone's absolute path to node_modules/.bin/tslab: after moving the clone,
# run `npm run kernel` again and it points at the new place.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TSLAB="$ROOT/node_modules/.bin/tslab"
[ -x "$TSLAB" ] || { echo "kernel: $TSLAB is missing; run \`npm ci\` first" >&2; exit 1; }
bash scripts/venv.sh
.venv/bin/python "$ROOT/node_modules/tslab/python/install.py" --tslab="$TSLAB" --sys-prefix >/dev/null
SPEC="$ROOT/.venv/share/jupyter/kernels/tslab/kernel.json"
grep -q "\"$TSLAB\"" "$SPEC" || { echo "kernel: $SPEC does not point at $TSLAB" >&2; cat "$SPEC" >&2; exit 1; }
echo "Kernel: TypeScript (tslab) registered in .venv/ -> $TSLAB"
# JupyterLab's defaults for this environment: never fetch news or check for updates (no network at view time, and no
# "get notified about Jupyter news?" toast over the first cell). A learner can still turn both on under Settings.
mkdir -p .venv/share/jupyter/lab/settings
cat > .venv/share/jupyter/lab/settings/overrides.json <<'JSON'
{
  "@jupyterlab/apputils-extension:notification": { "fetchNews": "false", "checkForUpdates": false }
}
JSON
