#!/usr/bin/env bash
# Runs the built CareerBot jar against the telegram-test-api Bot API emulator on 127.0.0.1 and
# checks the answers a Telegram user would get. Builds nothing: run
#   mvn -q -B -o package -DskipTests
# first. Exits non-zero when a check fails. See README.md in this folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
jar="${CAREERBOT_JAR:-$repo/target/careerbot.jar}"
knowledge="${CAREERBOT_KNOWLEDGE:-$repo/config/knowledge.yml}"
# The emulator is installed outside the repository, once per lock file.
deps="${TTAPI_HOME:-${TMPDIR:-/tmp}/careerbot-telegram-test-api}"

if [[ ! -f "$jar" ]]; then
  echo "run.sh: $jar is missing; build it first: mvn -q -B -o package -DskipTests" >&2
  exit 2
fi
for tool in node npm java; do
  if ! command -v "$tool" >/dev/null; then
    echo "run.sh: $tool is not on the PATH; this check needs Node.js 18+ with npm, and Java 17+" >&2
    exit 2
  fi
done

mkdir -p "$deps"
if ! cmp -s "$here/package-lock.json" "$deps/package-lock.json" || [[ ! -d "$deps/node_modules/telegram-test-api" ]]; then
  cp "$here/package.json" "$here/package-lock.json" "$deps/"
  (cd "$deps" && npm ci --no-audit --no-fund --loglevel=error)
fi

NODE_PATH="$deps/node_modules" exec node "$here/check.js" --jar "$jar" --knowledge "$knowledge" "$@"
