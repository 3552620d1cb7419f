#!/usr/bin/env bash
# `python-client-generate.sh OPENAPI_YAML OUT_DIR`: writes the generated package `docstack_client`
# (openapi-python-client, pinned in contract-tools.sh) into OUT_DIR/docstack_client. Called by
# `npm run openapi` (bin/openapi.ts), which compares or copies it into clients/python/.
#
# The generator runs with `--meta uv` in a fresh temporary directory and only its package is kept:
# that project's own pyproject.toml is then the ruff configuration its formatting hooks read, so
# the output does not depend on where the repository sits or on any ruff settings above it.
# clients/python/pyproject.toml is written by hand (extras, build backend).
#
# Without the generator: exit 3 with a message (a local `npm run openapi` skips the Python client),
# except under CI=true, where a missing generator fails (exit 1) rather than skip the check.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=contract-tools.sh
source infra/ci/contract-tools.sh
spec=$1 out=$2

if [ ! -x "$openapi_python_client_bin" ]; then
  if [ "${CI:-}" = true ]; then
    echo "$openapi_python_client_bin is missing: run npm run provision (infra/ci/provision.sh)" >&2
    exit 1
  fi
  echo "openapi-python-client $OPENAPI_PYTHON_CLIENT_VERSION is not installed ($openapi_python_client_bin):" \
    "clients/python/docstack_client not regenerated (npm run provision installs it)" >&2
  exit 3
fi

work=$(mktemp -d -t docstack-python-generate-XXXXXX)
trap 'rm -rf "$work"' EXIT
printf 'project_name_override: docstack-client\npackage_name_override: docstack_client\n' >"$work/config.yaml"
# Its venv's bin on PATH: the formatting hooks run the ruff the generator depends on.
PATH="$openapi_python_client_venv/bin:$PATH" "$openapi_python_client_bin" generate \
  --path "$spec" --meta uv --config "$work/config.yaml" --output-path "$work/project" \
  --fail-on-warning >"$work/generator.log" 2>&1 || { cat "$work/generator.log" >&2; exit 1; }
rm -rf "$out/docstack_client"
mkdir -p "$out"
cp -R "$work/project/docstack_client" "$out/docstack_client"
find "$out/docstack_client" -name __pycache__ -prune -exec rm -rf {} +
