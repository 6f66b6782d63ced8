#!/bin/bash
# Start-up and footprint benchmark of the built jar, as a user runs it (bin/careerbot):
#   first start with no cache folder, restarts with the cache, peak resident memory and heap
#   after a full GC once 1,000 questions are answered, per matcher mode.
# Usage: scripts/startup-benchmark.sh [runs]   (after mvn package; prints medians)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$repo/config/knowledge.yml" "$work/"
question="what does an ai engineer do"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in semantic lexical; do
  sed "s/^  mode: .*/  mode: $mode/; s|^  cache_dir: .*|  cache_dir: $work/cache-$mode|" \
      "$repo/config/careerbot.yml" > "$work/careerbot-$mode.yml"
  export CAREERBOT_CONFIG="$work/careerbot-$mode.yml"
  cold=()
  warm=()
  for i in $(seq "$runs"); do
    rm -rf "$work/cache-$mode"
    s=$(date +%s%N); echo "$question" | "$repo/bin/careerbot" chat > /dev/null; e=$(date +%s%N)
    cold+=($(( (e - s) / 1000000 )))
    s=$(date +%s%N); echo "$question" | "$repo/bin/careerbot" chat > /dev/null; e=$(date +%s%N)
    warm+=($(( (e - s) / 1000000 )))
  done
  echo "$mode: first start (no cache folder) to first answer and exit: median $(printf '%s\n' "${cold[@]}" | median) ms (${cold[*]})"
  echo "$mode: restart (cache present) to first answer and exit:       median $(printf '%s\n' "${warm[@]}" | median) ms (${warm[*]})"
  # 1,000 questions through one chat process, then a full GC and the heap in use.
  fifo="$work/in-$mode"; mkfifo "$fifo"
  "$repo/bin/careerbot" chat < "$fifo" > "$work/out-$mode" 2>/dev/null &
  exec 3> "$fifo"
  for i in $(seq 1000); do
    sed -n "$(( i % 80 + 1 ))p" "$repo/src/test/resources/eval/dev.jsonl" | sed 's/.*"text": *"\([^"]*\)".*/\1/' >&3
  done
  sleep 1
  while [ "$(grep -c '^you> ' "$work/out-$mode" || true)" -lt 1000 ]; do sleep 0.5; done
  pid=$(pgrep -n -f "careerbot.jar chat")
  rss=$(grep VmHWM /proc/$pid/status | awk '{print $2}')
  jcmd "$pid" GC.run > /dev/null
  heap=$(jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1)
  echo "$mode: after 1,000 questions: peak RSS $((rss / 1024)) MB, heap after full GC: $heap"
  exec 3>&-
  wait
  rm -f "$fifo"
done
