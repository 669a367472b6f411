#!/bin/sh
# Proof-of-trust tests (issue 5): each t_*.sh here runs once, in its own subshell and directory
# (tests/out/trust-NAME), and starts whatever stack it needs with tests/e2e/lib.sh's helpers.
# TRUST_ONLY=NAME runs one file. stdout: TAP lines only; diagnostics go to stderr.
set -u
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 2
. tests/e2e/lib.sh
started=$(date +%s)
failed=0
for t in "$here"/t_*.sh; do
	name=$(basename "$t" .sh)
	name=${name#t_}
	[ -n "${TRUST_ONLY:-}" ] && [ "$TRUST_ONLY" != "$name" ] && continue
	echo "# trust: $name" >&2
	(
		E2E_DIR="$PWD/tests/out/trust-$name"
		REQ_PREFIX="$name-"
		# Until a test starts its own stack, its lines are labelled nginx/build and go to TMP.
		SERVER=nginx BUILD=${TRUST_BUILD:-build} TMP=$E2E_DIR
		rm -rf "$TMP" && mkdir -p "$TMP/req" && : > "$TMP/tap.log" && : > "$TMP/statuses.log"
		export E2E_DIR SERVER BUILD TMP
		. "$t"
		# A test file that started a stack and did not stop it is stopped here.
		[ -n "${APP_PID:-}" ] && stop_stack
		! grep -q '^not ok' "$TMP/tap.log"
	) || failed=$((failed + 1))
done
echo "# trust: $(($(date +%s) - started)) s" >&2
[ "$failed" -eq 0 ]
