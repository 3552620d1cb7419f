#!/usr/bin/env bash
# openapi-generator-cli (pinned in contract-tools.sh; Maven Central's jar, run with the machine's
# java) on openapi.yaml as a new user would run it: `validate` must report no issue, and the
# Python and typescript-fetch clients must generate without --skip-validate-spec and build:
# the Python package installs into a fresh virtualenv and imports, the TypeScript compiles
# under tsc --strict. Generated code goes to a temporary directory, never into the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=contract-tools.sh
source infra/ci/contract-tools.sh
require_tool "$openapi_generator_jar"
work=$(mktemp -d -t docstack-openapi-generator-XXXXXX)
trap 'rm -rf "$work"' EXIT
generator() { java -jar "$openapi_generator_jar" "$@"; }

echo "openapi-generator-cli $OPENAPI_GENERATOR_VERSION validate"
generator validate -i openapi.yaml

generate() {
  local name=$1; shift
  generator generate -i openapi.yaml -o "$work/$name" "$@" >"$work/$name.log" 2>&1 ||
    { cat "$work/$name.log" >&2; echo "generate $name failed" >&2; exit 1; }
  echo "generated $name"
}
generate python -g python --package-name docstack_client
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$work/python"
"$work/venv/bin/python" -c 'import docstack_client; print("python client imports:", len(docstack_client.__all__), "names")'

generate typescript-fetch -g typescript-fetch
npx tsc --noEmit --strict --skipLibCheck --target es2022 --module esnext --moduleResolution bundler \
  --lib es2022,dom "$work/typescript-fetch/index.ts"
echo "typescript-fetch client compiles (tsc --strict)"
