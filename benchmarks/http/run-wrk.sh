#!/usr/bin/env bash
# Load benchmark of POST /recommender over loopback with wrk (Debian: apt-get install -y wrk).
#
# Starts the server on an Svd model (32 factors) fitted on the built-in seed-shaped sample log (7,252
# users, 583 items, 484,077 events; see benchmarks/src/main/java/dev/recommender/benchmarks/HttpBenchmarkServer.java), warms it
# up, then runs wrk with latency percentiles. Run from anywhere; builds with the reactor (never installs).
#
# With MODEL_DIR set, serves that folder's model.bin instead (e.g. the two-stage model written by
# `retrieval-ranking --model-dir DIR`) with the CLI's `serve`; USERS_FILE then names the user ids to ask
# for (one per line: users the model knows, so the measured path is the model's, not the fallback).
#
# Environment: PORT (3901), CONNECTIONS (32), WRK_THREADS (2), DURATION (30s), WARMUP (10s),
#              SERVER_THREADS (server default), SERVE_OPTS (more `serve` options, e.g. --offload-requests),
#              JAVA_OPTS (-Xms512m -Xmx512m --add-modules jdk.incubator.vector: the README's java command),
#              MODEL_DIR, USERS_FILE, SCRIPT (post-recommender.lua; get-recommender.lua asks with GET)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-3901}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
SERVER_THREADS=${SERVER_THREADS:-}
SERVE_OPTS=${SERVE_OPTS:-}
SCRIPT=${SCRIPT:-post-recommender.lua}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m --add-modules jdk.incubator.vector}

command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
mvn -q -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true

if [ -n "${MODEL_DIR:-}" ]; then
  [ -n "${USERS_FILE:-}" ] || { echo "MODEL_DIR needs USERS_FILE (the user ids to ask for)" >&2; exit 1; }
  mkdir -p "$WORK/model" && cp "$USERS_FILE" "$WORK/model/users.txt"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$ROOT/examples/target/recommender-examples.jar" serve --model-dir "$MODEL_DIR" --port "$PORT" \
      ${SERVER_THREADS:+--threads "$SERVER_THREADS"} $SERVE_OPTS > "$WORK/server.log" 2>&1 &
else
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$ROOT/benchmarks/target/recommender-benchmarks.jar" dev.recommender.benchmarks.HttpBenchmarkServer "$WORK/model" "$PORT" \
      ${SERVER_THREADS:+--threads "$SERVER_THREADS"} $SERVE_OPTS \
      > "$WORK/server.log" 2>&1 &
fi
SERVER_PID=$!
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/health" || { echo "server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }
echo
echo "sample answer:"
curl -s -H 'Content-Type: application/json' -d "{\"user_id\": \"$(head -1 "$WORK/model/users.txt")\", \"k\": 3}" \
    "http://127.0.0.1:$PORT/recommender"
echo

export USERS_FILE="$WORK/model/users.txt"
echo "== warm-up ($WARMUP)"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/$SCRIPT" "http://127.0.0.1:$PORT" >/dev/null
echo "== $(date -u +%Y-%m-%dT%H:%MZ) wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency, server threads ${SERVER_THREADS:-default} ${SERVE_OPTS} (nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/$SCRIPT" "http://127.0.0.1:$PORT"
