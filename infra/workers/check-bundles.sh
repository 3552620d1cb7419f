#!/usr/bin/env bash
# Runtime parity check (STYLE.md practice 11): bundles every function for Cloudflare Workers
# with `wrangler deploy --dry-run` (nothing is uploaded) and prints each bundle's size.
# Exits 1 if any function fails to bundle or weighs more than 1 MiB gzip (Cloudflare's limit for
# a free account, and issue 16's goal for every plan). Run from anywhere after `npm ci`.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1

# No telemetry or update checks: CI runners and the sandbox have no general internet access.
export WRANGLER_SEND_METRICS=false
export CI="${CI:-true}"

wrangler="$root/node_modules/.bin/wrangler"
if [[ ! -x "$wrangler" ]]; then
  echo "wrangler not found at $wrangler: run npm ci first" >&2
  exit 1
fi

functions=(upload index query backup-status health analytics)
out="$(mktemp -d "${TMPDIR:-/tmp}/docstack-workers.XXXXXX")"
trap 'rm -rf "$out"' EXIT

limit=$((1024 * 1024))
failed=()
rows=()
for name in "${functions[@]}"; do
  dest="$out/$name"
  log="$out/$name.log"
  if ! "$wrangler" deploy --dry-run --outdir "$dest" -c "functions/$name/wrangler.toml" >"$log" 2>&1; then
    echo "bundle failed: $name" >&2
    cat "$log" >&2
    failed+=("$name")
    continue
  fi
  bundle="$(find "$dest" -maxdepth 1 -name '*.js' -print -quit)"
  if [[ -z "$bundle" ]]; then
    echo "bundle failed: $name (wrangler wrote no .js file to $dest)" >&2
    failed+=("$name")
    continue
  fi
  raw="$(wc -c <"$bundle" | tr -d ' ')"
  gz="$(gzip -c "$bundle" | wc -c | tr -d ' ')"
  rows+=("$name $raw $gz")
  if ((gz > limit)); then
    echo "too large: $name is $gz bytes gzip, over the $limit-byte limit" >&2
    failed+=("$name")
  fi
done

printf '%-14s %11s %11s\n' function raw_bytes gzip_bytes
for row in "${rows[@]+"${rows[@]}"}"; do
  # Word splitting is wanted here: each row is "name raw gzip".
  # shellcheck disable=SC2086
  printf '%-14s %11s %11s\n' $row
done

if ((${#failed[@]} > 0)); then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
