#!/usr/bin/env bash
# The README walkthrough through a Python client generated from openapi.yaml, as a new user
# would make it: openapi-python-client (pinned in contract-tools.sh) generates the package into a
# temporary directory (never committed), pip installs it into a fresh virtualenv, and
# tests/python/walkthrough.py drives a fresh `npm start` with it. Generator warnings (an
# operation or model it had to skip) fail the run, as does any step of the walkthrough.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=contract-tools.sh
source infra/ci/contract-tools.sh
require_tool "$openapi_python_client_bin"
# shellcheck source=embedded-server.sh
source infra/ci/embedded-server.sh
work=$(mktemp -d -t docstack-python-client-XXXXXX)
trap 'stop_embedded_server; rm -rf "$work"' EXIT

echo "openapi-python-client $OPENAPI_PYTHON_CLIENT_VERSION: generating from openapi.yaml"
# Its venv's bin on PATH: the generator formats its output with the ruff it depends on.
PATH="$openapi_python_client_venv/bin:$PATH" "$openapi_python_client_bin" generate \
  --path openapi.yaml --output-path "$work/docstack-client" --fail-on-warning
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$work/docstack-client"

# The walkthrough's POST /index/run does the indexing, so the background worker stays off.
start_embedded_server INDEX_WORKER=false
echo "walkthrough against npm start at $EMBEDDED_URL"
status=0
"$work/venv/bin/python" tests/python/walkthrough.py "$EMBEDDED_URL" "$EMBEDDED_KEY" "$EMBEDDED_READ_KEY" || status=$?
[ "$status" = 0 ] || { echo "server log (last lines):" >&2; tail -20 "$EMBEDDED_LOG" >&2; }
exit "$status"
