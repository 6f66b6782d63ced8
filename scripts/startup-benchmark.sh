#!/bin/bash
# Start-up and footprint benchmark of the built jar, as a user runs it (bin/careerbot):
#   time from process start to the first answer, first start with no cache folder (nor class
#   data sharing archive) and restarts with both; peak resident memory and heap in use after a
#   full GC once 1,000 questions are answered; per matcher mode.
# Usage: scripts/startup-benchmark.sh [runs]   (after mvn package; prints medians)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$repo/config/knowledge.yml" "$work/"
question="what does an ai engineer do"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Milliseconds from the start of bin/careerbot chat to the first line of the answer.
first_answer() {
  local start answered line
  start=$(date +%s%N)
  coproc BOT { exec "$repo/bin/careerbot" chat 2>/dev/null; }
  echo "$question" >&"${BOT[1]}"
  while IFS= read -r line <&"${BOT[0]}"; do
    case $line in *"builds software that uses AI models"*) answered=$(date +%s%N); break ;; esac
  done
  exec {BOT[1]}>&-
  local pid=$BOT_PID
  cat <&"${BOT[0]}" > /dev/null
  wait "$pid" 2>/dev/null || true
  echo $(( (${answered:-0} - start) / 1000000 ))
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in semantic lexical; do
  sed "s/^  mode: .*/  mode: $mode/; s|^  cache_dir: .*|  cache_dir: $work/cache-$mode|" \
      "$repo/config/careerbot.yml" > "$work/careerbot-$mode.yml"
  export CAREERBOT_CONFIG="$work/careerbot-$mode.yml" CAREERBOT_CDS_DIR="$work/cache-$mode/cds"
  cold=()
  warm=()
  for i in $(seq "$runs"); do
    rm -rf "$work/cache-$mode"
    cold+=($(first_answer))
    warm+=($(first_answer))
  done
  echo "$mode: first start (no cache folder) to the first answer: median $(printf '%s\n' "${cold[@]}" | median) ms (${cold[*]})"
  echo "$mode: restart (cache present) to the first answer:        median $(printf '%s\n' "${warm[@]}" | median) ms (${warm[*]})"
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
  # The heap in use is young plus old generation (GC.heap_info's first "used" is the young
  # generation only; its Metaspace lines are not heap).
  heap=$(jcmd "$pid" GC.heap_info | awk '/generation|garbage-first heap|PSYoungGen|ParOldGen/ {
      for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); kb += v } }
      END { print int(kb / 1024) }')
  echo "$mode: after 1,000 questions: peak RSS $((rss / 1024)) MB, heap in use after a full GC $heap MB"
  exec 3>&-
  wait
  rm -f "$fifo"
done
