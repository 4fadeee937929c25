#!/usr/bin/env bash
# The seed's way, for comparison with `npx certify` (npm run bench:certify): the same checks as
# pipeline/certify.yaml, each its own command, one after another, no concurrency. It prints one
# line per command with its status and wall time, and ends with the number of failed commands; it
# writes no report and signs nothing. Run from anywhere: it works in the project's root folder.
set -u
cd "$(dirname "$0")/../.."
bin=node_modules/.bin
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0

# Milliseconds since the epoch (GNU date).
now_ms() { date +%s%3N; }

run() {
  local started status
  started=$(now_ms)
  "$@" >"$scratch/out" 2>&1
  status=$?
  local took=$(($(now_ms) - started))
  if [ "$status" -eq 0 ]; then
    echo "ok    ${took} ms  $*"
  else
    echo "FAIL  ${took} ms  $* (exit $status)"
    failed=$((failed + 1))
  fi
}

# certify's own checks, one at a time: an --only run is never certified (exit 1), so the step's
# own status is read from the JSON report.
run_step() {
  local started
  started=$(now_ms)
  node bin/certify.js --only "$1" --renderer silent --json --reports "$scratch/$1" >"$scratch/$1.json" 2>/dev/null
  echo "      $(($(now_ms) - started)) ms  certify --only $1 (its verdict on the next line)"
  run node -e "const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
    const s = r.tiers.flatMap((t) => t.steps).find((s) => s.id === process.argv[2]);
    process.exit(s && s.status === 'pass' ? 0 : 1);" "$scratch/$1.json" "$1"
}

# Tier 1: Weaver
run node bin/certify.js registry check -r registry -p builtin:otel
run node bin/certify.js registry live-check -r registry --otlp-grpc-port 0 --otlp-http-port 0 \
  --admin-port 0 --fail-on-coverage-below 100 -- node --import tsx feature/activity-log/demo/main.ts
# Tier 2: quality
run "$bin/tsc" --noEmit -p feature/activity-log
run "$bin/eslint" --max-warnings 0 feature/activity-log
run "$bin/prettier" --check feature/activity-log registry pipeline
# Tier 3: tests (the security audit and documentation check are certify's own checks: run alone)
run "$bin/vitest" run feature/activity-log
run_step security-audit
run_step docs-check
run node bin/certify.js bench --suite feature/activity-log/bench/suite.ts --budget 8 \
  --gate activity-log/hot-path/batch

echo "failed: $failed"
