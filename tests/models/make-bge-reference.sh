#!/usr/bin/env bash
# Writes tests/models/fixtures/bge-reference.json: bge-small-en-v1.5's vectors from an
# independent implementation (tests/models/bge-reference.py: Python onnxruntime and the Rust
# tokenizers), which the model suite compares OnnxEmbedder with. Run it again only when the
# pinned model or these versions change; CI uses the committed file and needs no Python.
#   bash tests/models/make-bge-reference.sh [model-dir]   (default .models/bge-small-en-v1.5)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$repo/.models/bge-small-en-v1.5}
TOOLS=(onnxruntime==1.31.1 tokenizers==0.23.3 numpy==2.3.5)
tools_dir=${DOCSTACK_TOOLS_DIR:-$HOME/.cache/docstack/tools}
venv=$tools_dir/bge-reference-$(printf '%s\n' "${TOOLS[@]}" | sha256sum | cut -c1-12)
if [ ! -f "$venv/.installed" ]; then
  mkdir -p "$tools_dir"
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${TOOLS[@]}" >&2
  touch "$venv/.installed"
fi
out=$repo/tests/models/fixtures/bge-reference.json
"$venv/bin/python" "$repo/tests/models/bge-reference.py" "$dir" >"$out"
(cd "$repo" && npx biome format --write "$out" >/dev/null)
echo "wrote $out"
