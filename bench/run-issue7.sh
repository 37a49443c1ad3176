#!/usr/bin/env bash
# The measured runs of issue 7 (see BENCHMARKS.md), each under the machine's heavy-run lock, each
# logged with the commit measured and the load average into bench/results/.
#   bash bench/run-issue7.sh [steps...]   steps: build full soak profile reverse (default), soak2 reverse-3
set -u
cd "$(dirname "$0")/.."
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(build full soak profile reverse)
R=bench/results
context() {
  echo "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD); collab sources changed since: $(git status --short apps/api/src/collab libs | tr '\n' ' ')"
  echo "# $(uptime)"
}
bench() { # name, args...
  local name=$1
  shift
  { context; flock /tmp/heavy.lock npm run bench -w @passerelle/bench -- --out "$R/$name.json" "$@" 2>&1 | grep -v '^npm warn'; context; } | tee "$R/$name.log"
}
for step in "${steps[@]}"; do
  case $step in
    build) flock /tmp/heavy.lock npx tsc -b libs/domain libs/content libs/collab apps/api && (cd bench && npx tsc -p tsconfig.build.json) ;;
    full) bench issue7-full-1 ;;
    soak) bench issue7-soak-1 --soak ;;
    soak2) bench issue7-soak-2 --soak ;;
    # C with 100 clients saturates the generator on 2 cores (see BENCHMARKS.md): 50 here.
    reverse) bench issue7-reverse-1 --only a,c --reverse --c-clients 50 ;;
    # Short of time: the second order for the three servers of the goals, and C at 50 clients.
    reverse-3) bench issue7-reverse-3 --only a,c --servers hocuspocus-pg,hocuspocus,passerelle --c-clients 50 ;;
    profile) bench issue7-profile-1 --only a,b --servers passerelle --b-documents 1 --cpu-prof ;;
    *) echo "unknown step $step" && exit 2 ;;
  esac
done
