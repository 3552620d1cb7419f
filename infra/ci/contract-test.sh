#!/usr/bin/env bash
# Schemathesis against the running local stack, through Nginx, with the merged openapi.yaml:
# every operation, examples + coverage + fuzzing + stateful (OpenAPI links: create -> get ->
# delete), and the conformance checks. Needs `npm run stack:up` first. Writes a JUnit report to
# test-artifacts/ and prints the operation and test-case counts.
set -euo pipefail
cd "$(dirname "$0")/../.."
state=.stack/state.json
[ -f "$state" ] || { echo "the local stack is not running: npm run stack:up" >&2; exit 1; }
base=$(node -p "JSON.parse(require('fs').readFileSync('$state','utf8')).nginx")
# The stack's admin key: every operation but the health probes needs one.
key=$(node -p "JSON.parse(require('fs').readFileSync('$state','utf8')).apiKey")
scripts=$(python3 -c "import sysconfig; print(sysconfig.get_path('scripts'))")
mkdir -p test-artifacts
# Below Nginx's per-address limit_req (10 r/s), so the run tests the API, not the limiter.
"$scripts/st" run openapi.yaml \
  --url "$base" \
  --header "Authorization: Bearer $key" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "${CONTRACT_MAX_EXAMPLES:-25}" \
  --rate-limit "${CONTRACT_RATE:-9/s}" \
  --request-timeout 30 \
  --seed "${CONTRACT_SEED:-20261122}" \
  --generation-deterministic \
  --report junit --report-junit-path test-artifacts/schemathesis-junit.xml \
  --no-color
