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
