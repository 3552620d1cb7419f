#!/usr/bin/env bash
# Sourced, not run: the pinned versions and locations of the contract tools, shared by
# provision.sh (which installs them) and the checks that use them. Each Python tool lives in its
# own virtualenv, so neither its pins nor chromadb's can break the other; the generator CLI is
# Maven Central's jar in the local Maven repository, run with the machine's java.
SCHEMATHESIS_VERSION=4.32.5
OPENAPI_PYTHON_CLIENT_VERSION=0.29.1
OPENAPI_GENERATOR_VERSION=7.25.0

contract_tools_dir=${DOCSTACK_TOOLS_DIR:-$HOME/.cache/docstack/tools}
schemathesis_venv=$contract_tools_dir/schemathesis-$SCHEMATHESIS_VERSION
schemathesis_bin=$schemathesis_venv/bin/st
openapi_python_client_venv=$contract_tools_dir/openapi-python-client-$OPENAPI_PYTHON_CLIENT_VERSION
openapi_python_client_bin=$openapi_python_client_venv/bin/openapi-python-client
openapi_generator_jar=$HOME/.m2/repository/org/openapitools/openapi-generator-cli/$OPENAPI_GENERATOR_VERSION/openapi-generator-cli-$OPENAPI_GENERATOR_VERSION.jar

# A virtualenv holding exactly one pinned package (and its dependencies); idempotent.
install_pinned_venv() {
  local venv=$1 requirement=$2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement"
}
install_schemathesis() { install_pinned_venv "$schemathesis_venv" "schemathesis==$SCHEMATHESIS_VERSION"; }
install_openapi_python_client() {
  install_pinned_venv "$openapi_python_client_venv" "openapi-python-client==$OPENAPI_PYTHON_CLIENT_VERSION"
}
install_openapi_generator() {
  mvn --batch-mode --quiet dependency:get \
    "-Dartifact=org.openapitools:openapi-generator-cli:$OPENAPI_GENERATOR_VERSION" -Dtransitive=false
}

# Fails naming the provisioning command when a tool is missing.
require_tool() {
  [ -e "$1" ] || { echo "$1 is missing: run npm run provision (infra/ci/provision.sh)" >&2; exit 1; }
}
