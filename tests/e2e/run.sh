#!/bin/sh
# End-to-end tests: run.sh SERVER BUILD starts pressroom behind nginx or lighttpd, runs every t_*.sh, stops it.
# stdout: TAP-style "ok - ..." / "not ok - ..." lines only; diagnostics go to stderr.
set -u
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 2
case ${1:-} in nginx|lighttpd) ;; *) echo "usage: $0 nginx|lighttpd BUILD" >&2; exit 2 ;; esac
[ $# -eq 2 ] || { echo "usage: $0 nginx|lighttpd BUILD" >&2; exit 2; }

. "$here/lib.sh"
# E2E_ONLY=t_search (or search, t_search.sh) runs that file only (`make check E2E=t_search`).
only=${E2E_ONLY:-}
only=${only%.sh}
only=${only#t_}
if [ -n "$only" ] && ! [ -f "$here/t_$only.sh" ]; then
	echo "not ok - e2e: E2E_ONLY=$E2E_ONLY names no file tests/e2e/t_$only.sh"
	exit 1
fi
started=$(date +%s)
trap 'stop_stack; exit 1' INT TERM
if start_stack "$1" "$2"; then
	for t in "$here"/t_*.sh; do
		[ -n "$only" ] && [ "$t" != "$here/t_$only.sh" ] && continue
		echo "# $(basename "$t")" >&2
		# A subshell each: a test file may set what it likes, and an early exit ends only itself.
		( REQ_PREFIX="$(basename "$t" .sh)-"; . "$t" )
	done
	# Every status any test above received: none may be a server error.
	fives=$(grep -E '^5[0-9][0-9] ' "$TMP/statuses.log")
	if [ -z "$fives" ]; then
		ok "no request in this run was answered with a 5xx status"
		diag "$(wc -l < "$TMP/statuses.log") requests checked"
	else
		not_ok "no request in this run was answered with a 5xx status"
		echo "$fives" | sed 's/^/#   /' >&2
	fi
fi
stop_stack
[ "$2" = build-asan ] && sanitizer_check
failed=$(grep -c '^not ok' "$TMP/tap.log")
echo "# e2e $1/$2: $(grep -c '' "$TMP/tap.log") tests, $failed failed, $(($(date +%s) - started)) s; files in $TMP" >&2
[ "$failed" -eq 0 ]
