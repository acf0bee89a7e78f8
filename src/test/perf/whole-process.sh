#!/usr/bin/env bash
# Whole-process times and peak RSS of the command line, as a person runs it: each case is run RUNS
# times and reported as the median wall time and median peak RSS (GNU time), next to a plain-Java
# hello world run in the same script, and next to the same command through Spring Boot's nested-jar
# launcher (the jar's old entry point, JarLauncher -> GradSheetApplication) for the small sheet.
#
# Also grades 300 small homework files (the worked example with two claims, every third one wrong)
# in one `check` command and prints files per second, and runs `check` of a 100,000-cell chain next
# to its `eval` and prints the ratio (finite differences in linear time: target <= 5).
#
# Usage (after `mvn -B package`): src/test/perf/whole-process.sh [RUNS]   (default 5; big files 3)
# Runs while no build is running give the steadiest figures (2 cores).
# Needs /usr/bin/time. Writes the big sheets to target/perf/ once (about 100 MB).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-5}
BIG_RUNS=$(( RUNS < 3 ? RUNS : 3 ))
JAR=${JAR:-target/gradsheet.jar}  # JAR=... measures another build
PERF=target/perf
mkdir -p "$PERF"
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B package first" >&2; exit 2; }

# A plain-Java baseline: the smallest program the JVM can start.
if [ ! -f "$PERF/Hello.class" ]; then
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$PERF/Hello.java"
  javac -d "$PERF" "$PERF/Hello.java"
fi
if [ ! -f "$PERF/mlp-512.sheet" ] || [ ! -f "$PERF/random-1.65m.sheet" ] || [ ! -f "$PERF/chain-100k.sheet" ]; then
  [ -d target/test-classes ] || { echo "no target/test-classes: run mvn -B test-compile" >&2; exit 2; }
  java -cp target/classes:target/test-classes dev.gradsheet.bench.WriteSheets "$PERF"
fi

# measure LABEL N CMD...: N runs, prints the median seconds and median peak RSS in MB.
measure() {
  local label=$1 n=$2; shift 2
  local times=() rss=()
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$PERF/time.txt" "$@" > "$PERF/out.txt" 2> "$PERF/err.txt" || {
      echo "$label: failed: $(head -3 "$PERF/err.txt")" >&2; return 1; }
    read -r t m < "$PERF/time.txt"
    times+=("$t"); rss+=("$m")
  done
  local mt mr
  mt=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rss[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  printf '| %s | %s s | %s MB | %s runs: %s |\n' "$label" "$mt" "$mr" "$n" "${times[*]}"
  LAST_MEDIAN=$mt
}

WORKED=src/main/resources/examples/worked-example.sheet
echo "| case | median wall time | median peak RSS | runs |"
echo "| --- | --- | --- | --- |"
measure "plain Java hello world (baseline)" "$RUNS" java -cp "$PERF" Hello
measure "eval worked example: java -jar (launch.Main)" "$RUNS" java -jar "$JAR" eval "$WORKED"
measure "eval worked example via Spring Boot's JarLauncher (old entry)" "$RUNS" \
  java -cp "$JAR" org.springframework.boot.loader.launch.JarLauncher eval "$WORKED"
# 300 homework files: the worked example with claims; every third claims a wrong x.grad (check exits 1).
if [ ! -f "$PERF/homework/s300.sheet" ]; then
  mkdir -p "$PERF/homework"
  for i in $(seq 1 300); do
    { cat "$WORKED"; echo "@expect z.grad = -12"; echo "@expect x.grad = $(( i % 3 == 0 ? 12 : 16 ))"; } > "$PERF/homework/s$i.sheet"
  done
fi
measure "check of 300 homework files, one command" "$RUNS" \
  sh -c 'java -jar "$0" check "$1"/homework/*.sheet; [ $? -eq 1 ]' "$JAR" "$PERF"  # exit 1: 100 fail, as meant
echo "|   ($(tail -1 "$PERF/out.txt"); $(awk '{printf "%.0f", 300 / $1}' "$PERF/time.txt") files/s in the last run) | | | |"
measure "plain Java hello world (baseline)" "$BIG_RUNS" java -cp "$PERF" Hello
measure "eval 1.58M-cell MLP > file" "$BIG_RUNS" java -jar "$JAR" eval "$PERF/mlp-512.sheet"
echo "|   (rows printed: $(( $(wc -l < "$PERF/out.txt") - 2 )); output $(( $(stat -c %s "$PERF/out.txt") / 1048576 )) MB) | | | |"
measure "eval --json 1.58M-cell MLP > file" "$BIG_RUNS" java -jar "$JAR" eval --json "$PERF/mlp-512.sheet"
measure "eval 1.65M-cell random compound sheet > file" "$BIG_RUNS" java -jar "$JAR" eval "$PERF/random-1.65m.sheet"
echo "|   (rows printed: $(( $(wc -l < "$PERF/out.txt") - 2 ))) | | | |"
measure "plain Java hello world (baseline)" "$BIG_RUNS" java -cp "$PERF" Hello
measure "eval 100k-cell chain > file" "$BIG_RUNS" java -jar "$JAR" eval "$PERF/chain-100k.sheet"
EVAL_CHAIN=$LAST_MEDIAN
measure "check 100k-cell chain (claims, finite differences, per-cell table) > file" "$BIG_RUNS" \
  java -jar "$JAR" check "$PERF/chain-100k.sheet"
echo "|   (check / eval of the chain: $(awk -v c="$LAST_MEDIAN" -v e="$EVAL_CHAIN" 'BEGIN {printf "%.2f", c / e}'); target <= 5) | | | |"
