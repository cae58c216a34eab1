#!/usr/bin/env bash
# The whole benchmark of SPEC section 10 (docs/performance.md): the in-process JMH figures with their
# ratios, then the whole-process `duty check` scaling. About 12 minutes on 2 idle cores.
# Usage: bench/run.sh [--jmh-only | --scaling-only] [CLASS-REGEX...]
# Build first: ./mvnw -B -q -DskipTests package   (duty-cli/target/duty.jar, duty-bench/target/benchmarks.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=all
case "${1:-}" in
  --jmh-only) mode=jmh; shift ;;
  --scaling-only) mode=scaling; shift ;;
esac
mkdir -p target
{
  echo "# $(date -u +%FT%TZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$mode" != scaling ]; then
    java -jar duty-bench/target/benchmarks.jar "$@"
  fi
  if [ "$mode" != jmh ]; then
    bench/check-scaling.sh
  fi
} 2>&1 | tee target/bench-results.txt
