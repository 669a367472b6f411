#!/bin/sh
# Browser tests: the e2e stack behind nginx, then Debian's chromium driven by playwright-core (tests/browser/*.mjs).
set -u
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 2
. tests/e2e/lib.sh
E2E_DIR="$PWD/tests/out/browser"
if ! [ -x /usr/bin/chromium ] || ! [ -d node_modules/playwright-core ] || ! [ -d node_modules/axe-core ]; then
	echo "not ok - browser: /usr/bin/chromium, node_modules/playwright-core and axe-core are installed (apt-get install chromium; npm ci)"
	exit 1
fi
# A contact line for the footer, which the print stylesheet must keep (tests/browser/axe.mjs).
export PRESSROOM_CONTACT="Press office: press@agc.example, +673 223 1000"
start_stack nginx build || exit 1
# Each script is bounded only against a hang (a loaded machine is slow, not hung); one that exits
# non-zero fails the suite, so tests/run.sh counts a crash that printed no "not ok" line.
rc=0
for t in tests/browser/*.mjs; do
	BASE="$BASE" EDITOR_NAME=editor1 EDITOR_PASSWORD=editor-one-password SHOTS="$TMP/shots" \
	    timeout 900 node "$t" || { rc=$?; echo "# $t exited with $rc" >&2; }
done
stop_stack
exit "$rc"
