#!/usr/bin/env bash
# Sourced, not run: `start_embedded_server [NAME=value ...]` starts the embedded default
# (`npm start`) as a user would, on a free port with a fresh DATA_DIR, after creating two keys
# in it with `npm run keys` (before the server opens the database: one process at a time). The
# arguments are extra environment for `npm start`. It sets
#   EMBEDDED_URL        http://127.0.0.1:<port>
#   EMBEDDED_KEY        an admin key, its rate limits raised so a test measures the API, not the
#                       limiter (the limiter stays on: 429s the key does meet are real)
#   EMBEDDED_READ_KEY   a key with the read scope only
#   EMBEDDED_LOG        the server's output
# `stop_embedded_server` stops the server and removes the directory: callers trap it on EXIT
# before starting. Run from the repository's root.
start_embedded_server() {
  local dir port i
  dir=$(mktemp -d -t docstack-embedded-XXXXXX)
  embedded_dir=$dir
  EMBEDDED_LOG=$dir/server.log
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # The key is the last line `npm run keys -- create` prints.
  EMBEDDED_KEY=$(DATA_DIR=$dir/data npm run --silent keys -- create --name contract-admin --scopes admin \
    --rate-query 1000000 --rate-upload 1000000 --rate-default 1000000 | tail -1)
  EMBEDDED_READ_KEY=$(DATA_DIR=$dir/data npm run --silent keys -- create --name contract-reader --scopes read |
    tail -1)
  # Its own process group (setsid), so stopping it stops npm, tsx and node together.
  env DATA_DIR="$dir/data" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn "$@" \
    setsid npm start >"$EMBEDDED_LOG" 2>&1 &
  embedded_pid=$!
  EMBEDDED_URL=http://127.0.0.1:$port
  for i in $(seq 1 120); do
    curl -sf -o /dev/null "$EMBEDDED_URL/health/ready" && break
    kill -0 "$embedded_pid" 2>/dev/null || { echo "npm start exited:" >&2; cat "$EMBEDDED_LOG" >&2; return 1; }
    [ "$i" = 120 ] && { echo "npm start not ready after 60 s:" >&2; cat "$EMBEDDED_LOG" >&2; return 1; }
    sleep 0.5
  done
  export EMBEDDED_URL EMBEDDED_KEY EMBEDDED_READ_KEY EMBEDDED_LOG
}

stop_embedded_server() {
  if [ -n "${embedded_pid:-}" ]; then
    kill -TERM -- "-$embedded_pid" 2>/dev/null || true
    wait "$embedded_pid" 2>/dev/null || true
  fi
  [ -n "${embedded_dir:-}" ] && rm -rf "$embedded_dir"
  return 0
}
