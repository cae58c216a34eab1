#!/usr/bin/env bash
# Whole-process `duty check` over generated datasets of 1, 10, 100 and 500 sites x 1 month,
# with both engines: wall time, peak heap (from the GC log) and max RSS (/usr/bin/time -v).
# Usage: bench/check-scaling.sh [SITES...]       (default: 1 10 100 500)
# Env:   DUTY_JAR (default duty-cli/target/duty.jar), WORK (default target/check-scaling),
#        ENGINES (default "reference drools"), HEAP (default 2g), SEED (default 7),
#        AS_OF (default 2026-11-20T00:00:00+08:00: after the generated October month),
#        JAVA_OPTS (extra JVM options for every check, e.g. -Ddutykit.rules.prebuilt=false to compile
#        the default rules instead of loading the prebuilt rule base: the figure before that change)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${DUTY_JAR:-duty-cli/target/duty.jar}
WORK=${WORK:-target/check-scaling}
ENGINES=${ENGINES:-reference drools}
HEAP=${HEAP:-2g}
SEED=${SEED:-7}
AS_OF=${AS_OF:-2026-11-20T00:00:00+08:00}
read -r -a OPTS <<< "${JAVA_OPTS:-}"
SITES=("$@")
[ ${#SITES[@]} -eq 0 ] && SITES=(1 10 100 500)
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -q -DskipTests package first" >&2; exit 2; }
mkdir -p "$WORK"

echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
echo "# command: java -Xmx$HEAP ${OPTS[*]} -Xlog:gc:file=GC.log -jar $JAR check FILE --engine E --as-of $AS_OF --format json > /dev/null"
printf '%-6s %-10s %10s %10s %12s %12s %6s %s\n' sites engine MB wall_s peakHeapMB maxRssMB exit load1
declare -A WALL
for n in "${SITES[@]}"; do
  file="$WORK/sites-$n.json"
  if [ ! -s "$file" ]; then
    java -Xmx$HEAP -jar "$JAR" generate --sites "$n" --months 1 --seed "$SEED" --out "$file" > /dev/null
  fi
  mb=$(( $(stat -c %s "$file") / 1048576 ))
  for engine in $ENGINES; do
    gclog="$WORK/gc-$n-$engine.log"; timelog="$WORK/time-$n-$engine.txt"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    set +e
    /usr/bin/time -v -o "$timelog" java -Xmx$HEAP "${OPTS[@]}" "-Xlog:gc,gc+heap+exit:file=$gclog" -jar "$JAR" \
      check "$file" --engine "$engine" --as-of "$AS_OF" --format json > /dev/null
    rc=$?
    set -e
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc -l)
    WALL[$n-$engine]=$wall
    rss=$(awk -F: '/Maximum resident/ {printf "%d", $2/1024}' "$timelog")
    # peak heap: the largest occupancy before a collection, or at exit when there was none bigger
    peak=$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | cut -dM -f1 | sort -n | tail -1)
    exitused=$(grep -A2 'Heap' "$gclog" | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' || echo 0)
    exitmb=$(( ${exitused:-0} / 1024 ))
    [ -z "$peak" ] && peak=0
    [ "$exitmb" -gt "$peak" ] && peak=$exitmb
    printf '%-6s %-10s %10s %10.2f %12s %12s %6s %s\n' "$n" "$engine" "$mb" "$wall" "$peak" "$rss" "$rc" "$load"
  done
done
echo
echo "# ratios measured in this run"
prev=""
for n in "${SITES[@]}"; do
  for engine in $ENGINES; do
    if [ -n "$prev" ]; then
      printf '%s: %s -> %s sites: time x%.2f for data x%.0f\n' "$engine" "$prev" "$n" \
        "$(echo "${WALL[$n-$engine]} / ${WALL[$prev-$engine]}" | bc -l)" "$(echo "$n / $prev" | bc -l)"
    fi
  done
  prev=$n
done
if [[ " $ENGINES " == *" drools "* && " $ENGINES " == *" reference "* ]]; then
  for n in "${SITES[@]}"; do
    printf 'drools / reference whole check, %s sites: %.2f (goal <= 2)\n' "$n" \
      "$(echo "${WALL[$n-drools]} / ${WALL[$n-reference]}" | bc -l)"
  done
fi
