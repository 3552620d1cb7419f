#!/usr/bin/env bash
# Installs what the real-stack tests run against, idempotently and quietly:
#   Debian: PostgreSQL, PgBouncer, Redis, Nginx   (apt-get)
#   MinIO:  go install github.com/minio/minio@latest
#   Chroma: pip install chromadb   (its server; the npm package is only our client)
#   schemathesis: pip (contract tests)
# Prints one line per component with the time it took; exits non-zero if anything fails.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
log() { printf '[provision] %s\n' "$*"; }
timed() { local name=$1; shift; local t0; t0=$(date +%s); "$@"; log "$name ready in $(( $(date +%s) - t0 ))s"; }

need_apt=()
command -v pgbouncer >/dev/null || need_apt+=(pgbouncer)
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql postgresql-contrib)

apt_install() {
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # Debian starts packaged services on install; the stack runs its own instances on free ports.
  for s in redis-server nginx pgbouncer postgresql; do service "$s" stop >/dev/null 2>&1 || true; done
}
if [ ${#need_apt[@]} -gt 0 ]; then timed "apt (${need_apt[*]})" apt_install; else log "apt packages present"; fi

GOBIN=${GOBIN:-$(go env GOPATH)/bin}
if [ ! -x "$GOBIN/minio" ]; then
  timed "minio (go install)" env CGO_ENABLED=0 go install github.com/minio/minio@latest
else
  log "minio present"
fi

pip_install() { python3 -m pip install --quiet --disable-pip-version-check "$@"; }
if ! python3 -c 'import chromadb' 2>/dev/null || ! command -v chroma >/dev/null; then
  timed "chromadb (pip)" pip_install chromadb
else
  log "chromadb present"
fi
if ! command -v schemathesis >/dev/null && ! command -v st >/dev/null; then
  timed "schemathesis (pip)" pip_install schemathesis
else
  log "schemathesis present"
fi
log "done"
