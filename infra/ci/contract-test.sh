#!/usr/bin/env bash
# Schemathesis (pinned in contract-tools.sh) against a running Docstack with the merged
# openapi.yaml: every operation, examples + coverage + fuzzing + stateful (OpenAPI links:
# create -> get -> delete). Writes a JUnit report to test-artifacts/.
#   contract-test.sh stack      the local stack through Nginx (`npm run stack:up` first), with
#                               the four conformance checks
#   contract-test.sh embedded   the embedded default (`npm start`, started here on a free port
#                               with a fresh DATA_DIR and an admin key), with --checks all less
#                               the exclusions in schemathesis.toml, each with its reason; 100
#                               examples an operation (about 5 minutes on 2 cores): 25 miss
#                               failures that 100 find
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=contract-tools.sh
source infra/ci/contract-tools.sh
require_tool "$schemathesis_bin"
target=${1:-stack}
mkdir -p test-artifacts
common=(
  --phases examples,coverage,fuzzing,stateful
  --request-timeout 30
  --seed "${CONTRACT_SEED:-20261122}"
  --generation-deterministic
  --no-color
)
case "$target" in
  stack)
    state=.stack/state.json
    [ -f "$state" ] || { echo "the local stack is not running: npm run stack:up" >&2; exit 1; }
    base=$(node -p "JSON.parse(require('fs').readFileSync('$state','utf8')).nginx")
    # The stack's admin key: every operation but the health probes needs one.
    key=$(node -p "JSON.parse(require('fs').readFileSync('$state','utf8')).apiKey")
    # Below Nginx's per-address limit_req (10 r/s), so the run tests the API, not the limiter.
    # Its own settings file: what it leaves to the embedded run, and why.
    "$schemathesis_bin" --config-file infra/ci/schemathesis-stack.toml run openapi.yaml "${common[@]}" \
      --url "$base" \
      --header "Authorization: Bearer $key" \
      --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
      --max-examples "${CONTRACT_MAX_EXAMPLES:-25}" \
      --rate-limit "${CONTRACT_RATE:-9/s}" \
      --report junit --report-junit-path test-artifacts/schemathesis-junit.xml
    ;;
  embedded)
    # shellcheck source=embedded-server.sh
    source infra/ci/embedded-server.sh
    trap stop_embedded_server EXIT
    start_embedded_server
    status=0
    "$schemathesis_bin" --config-file schemathesis.toml run openapi.yaml "${common[@]}" \
      --url "$EMBEDDED_URL" \
      --header "Authorization: Bearer $EMBEDDED_KEY" \
      --checks all \
      --max-examples "${CONTRACT_MAX_EXAMPLES:-100}" \
      --workers 1 \
      --report junit,ndjson --report-junit-path test-artifacts/schemathesis-embedded-junit.xml \
      --report-ndjson-path test-artifacts/schemathesis-embedded.ndjson || status=$?
    [ "$status" = 0 ] || { echo "server log (last lines):" >&2; tail -30 "$EMBEDDED_LOG" >&2; }
    exit "$status"
    ;;
  *) echo "usage: contract-test.sh [stack|embedded]" >&2; exit 2 ;;
esac
