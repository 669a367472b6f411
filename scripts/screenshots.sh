#!/bin/sh
# `make screenshots`: docs/release-page.png from the demo. Uses the portal at BASE when one answers
# there; otherwise starts `make run`'s stack (scripts/run.sh) on PORT for the shot and stops it after.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-18555}
base=${BASE:-http://127.0.0.1:$port}
out="$here/docs/release-page.png"
cd "$here"
test -d node_modules/playwright-core || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund

run=
if ! curl -fs -o /dev/null "$base/"; then
	setsid sh scripts/run.sh "${SERVER:-nginx}" "$port" > "${TMPDIR:-/tmp}/pressroom-screenshots.log" 2>&1 &
	run=$!
	trap 'kill -TERM -$run 2>/dev/null || true; wait $run 2>/dev/null || true' EXIT INT TERM
	i=0
	until curl -fs -o /dev/null "$base/"; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then
			echo "the demo did not start; see ${TMPDIR:-/tmp}/pressroom-screenshots.log" >&2
			exit 1
		fi
		sleep 0.2
	done
fi
node tests/browser/screenshot.mjs "$base" "$out"
