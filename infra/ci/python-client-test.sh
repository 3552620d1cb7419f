#!/usr/bin/env bash
# The committed Python client (clients/python) as a user installs it:
#   1. `npm run openapi -- --check`: openapi.yaml, the TypeScript client and the generated Python
#      package are what a fresh generation makes (openapi-python-client, pinned in
#      contract-tools.sh; under CI=true a missing generator fails rather than skips);
#   2. the wheel builds (`pip wheel`, hatchling pinned in its pyproject.toml);
#   3. the wheel with both extras goes into a fresh virtualenv, every package pinned by
#      clients/python/constraints.txt;
#   4. against a fresh `npm start`: the README walkthrough (tests/python/walkthrough.py) and one
#      retrieval through each retriever plus every snippet of docs/python.md
#      (tests/python/retrievers.py).
# Each step's duration is printed. Any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=contract-tools.sh
source infra/ci/contract-tools.sh
require_tool "$openapi_python_client_bin"
# shellcheck source=embedded-server.sh
source infra/ci/embedded-server.sh
work=$(mktemp -d -t docstack-python-client-XXXXXX)
trap 'stop_embedded_server; rm -rf "$work"' EXIT
t0=$(date +%s)
step() { printf '%s (%ss)\n' "$1" "$(( $(date +%s) - t0 ))"; t0=$(date +%s); }
# Build requirements (hatchling's own dependencies) are pinned by the same file.
export PIP_CONSTRAINT=$PWD/clients/python/constraints.txt PIP_DISABLE_PIP_VERSION_CHECK=1

CI=true npm run --silent openapi -- --check
step "generated clients up to date (openapi-python-client $OPENAPI_PYTHON_CLIENT_VERSION)"

python3 -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" ./clients/python
wheel=$(ls "$work/dist"/docstack_client-*.whl)
step "built $(basename "$wheel")"

python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "docstack-client[langchain,llamaindex] @ file://$wheel"
step "installed with the langchain and llamaindex extras into a fresh virtualenv"

# The walkthrough's POST /index/run does the indexing, so the background worker stays off.
start_embedded_server INDEX_WORKER=false
step "npm start ready at $EMBEDDED_URL"
status=0
"$work/venv/bin/python" tests/python/walkthrough.py "$EMBEDDED_URL" "$EMBEDDED_KEY" "$EMBEDDED_READ_KEY" || status=$?
step "README walkthrough through docstack_client"
if [ "$status" = 0 ]; then
  "$work/venv/bin/python" tests/python/retrievers.py "$EMBEDDED_URL" "$EMBEDDED_KEY" "$EMBEDDED_READ_KEY" || status=$?
  step "retrievers and docs/python.md snippets"
fi
[ "$status" = 0 ] || { echo "server log (last lines):" >&2; tail -20 "$EMBEDDED_LOG" >&2; }
exit "$status"
