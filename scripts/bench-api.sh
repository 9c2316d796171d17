#!/usr/bin/env bash
# API latency while a generation runs (issue 5): starts `retailsynth serve` on a fresh database, generates dimensions,
# starts a historical generation, and while it runs times N sequential requests to each route below, printing
# p50 / p95 / p99 / max in milliseconds. Usage: [PROFILE=large] [DAYS=10] [REQUESTS=200] [RATE=20/s] [PORT=8799] scripts/bench-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${PROFILE:-large}"
days="${DAYS:-10}"
requests="${REQUESTS:-200}"
port="${PORT:-8799}"
rate="${RATE:-20/s}"
base="http://127.0.0.1:$port"
routes=("/api/stream/status" "/api/status" "/api/tasks")

dotnet build src/RetailSynth.Cli/RetailSynth.Cli.csproj -c Release -v quiet -nologo >/dev/null
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

RETAILSYNTH__Simulation__Profile="$profile" dotnet src/RetailSynth.Cli/bin/Release/net10.0/retailsynth.dll serve \
  --urls "$base" --database "$work/bench.duckdb" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.2; done

task_field() { sed -n "s/.*\"$2\":\"\\{0,1\\}\([^,\"]*\).*/\1/p" <<<"$1"; }
wait_task() {
  local id="$1" body
  while true; do
    body="$(curl -s "$base/api/tasks/$id")"
    [ "$(task_field "$body" status)" != "running" ] && { echo "$body"; return; }
    sleep 0.5
  done
}

echo "profile $profile: generating dimensions…"
task="$(curl -s -X POST "$base/api/generate/dimensions" -H 'Content-Type: application/json' -d '{}')"
wait_task "$(task_field "$task" id)" >/dev/null

task="$(curl -s -X POST "$base/api/generate/historical" -H 'Content-Type: application/json' -d "{\"days\": $days}")"
id="$(task_field "$task" id)"
echo "generating $days days (task $id); timing $requests requests per route while it runs"
sleep 2 # let the first day's simulation get going

for route in "${routes[@]}"; do
  codes="$(mktemp)"
  # One curl process for all requests: one kept-alive connection, so the times are the server's, not process start-up.
  args=()
  for _ in $(seq 1 "$requests"); do args+=(-o /dev/null "$base$route"); done
  # Spread over the run (RATE requests per second) rather than one burst, so the samples see every phase of a day.
  times="$(curl -s --rate "$rate" -w '%{http_code} %{time_total}\n' "${args[@]}")"
  awk '{print $1}' <<<"$times" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}' >"$codes"
  running="$(task_field "$(curl -s "$base/api/tasks/$id")" status)"
  awk '{print $2 * 1000}' <<<"$times" | sort -n | awk -v route="$route" -v codes="$(cat "$codes")" -v running="$running" '
    { v[NR] = $1 }
    END {
      printf "%-22s n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (HTTP %s; generation %s after)\n", route, NR,
        v[int(NR * 0.50 + 0.999)], v[int(NR * 0.95 + 0.999)], v[int(NR * 0.99 + 0.999)], v[NR], codes, running
    }'
  rm -f "$codes"
done

state="$(task_field "$(curl -s "$base/api/tasks/$id")" status)"
echo "generation task at the end of sampling: $state (days done: $(task_field "$(curl -s "$base/api/tasks/$id")" days_done)/$days)"
curl -s -X DELETE "$base/api/tasks/$id" >/dev/null
wait_task "$id" >/dev/null
