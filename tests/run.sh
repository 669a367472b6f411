#!/bin/sh
# `make test`: every suite in turn; each prints TAP-style "ok - ..." / "not ok - ..." lines,
# and this script ends with the one summary line "N passed, N failed, N skipped".
# A suite that exits non-zero (or crashes, or prints no test line) is one more failure; a line
# "ok - ... # SKIP why" counts as skipped, not passed. SUITES="unit e2e-nginx" runs only those
# (as `make check` does).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/tests/out"
rm -rf "$out"
mkdir -p "$out"
log="$out/all.log"
: > "$log"

# suite NAME COMMAND...: runs one suite; its status goes through a file, as `| tee` would lose it.
suite() {
	name=$1
	shift
	case " $SUITES " in *" $name "*) ;; *) return 0 ;; esac
	echo "# suite: $name" | tee -a "$log"
	began=$(date +%s)
	{ "$@" 2>>"$out/$name.stderr"; echo $? > "$out/$name.rc"; } | tee "$out/$name.out"
	cat "$out/$name.out" >> "$log"
	# What each suite costs, so the whole run can be kept well under fifteen minutes.
	echo "# suite: $name took $(($(date +%s) - began)) s" | tee -a "$log" "$out/times.txt"
	rc=$(cat "$out/$name.rc" 2>/dev/null)
	if [ "${rc:-1}" != 0 ]; then
		echo "not ok - suite $name exited ${rc:-without a status}" | tee -a "$log"
	elif ! grep -qE '^(not )?ok ' "$out/$name.out"; then
		echo "not ok - suite $name exited 0 and printed no test line" | tee -a "$log"
	fi
}

# release: the build suite without the sanitizer build, for `make check`; not in `make test`.
SUITES=${SUITES:-build docs layers firstrun unit fuzz e2e-nginx e2e-lighttpd e2e-asan browser trust soak}
suite release     make -C "$here" --no-print-directory test-build-release
suite build       make -C "$here" --no-print-directory test-build
suite docs        sh "$here/tests/docs/run.sh"
suite layers      sh "$here/tests/layers.sh"
suite firstrun    sh "$here/tests/firstrun/run.sh"
suite unit        sh "$here/tests/unit/run.sh"
suite fuzz        sh "$here/tests/fuzz/run.sh" smoke
suite e2e-nginx   sh "$here/tests/e2e/run.sh" nginx build
suite e2e-lighttpd sh "$here/tests/e2e/run.sh" lighttpd build
suite e2e-asan    sh "$here/tests/e2e/run.sh" nginx build-asan
suite browser     sh "$here/tests/browser/run.sh"
suite trust       sh "$here/tests/trust/run.sh"
suite soak        sh "$here/tests/soak/run.sh" 20

skip='^(not )?ok .*# *SKIP'
skipped=$(grep -cE "$skip" "$log")
passed=$(grep -E '^ok ' "$log" | grep -cvE "$skip")
failed=$(grep -E '^not ok ' "$log" | grep -cvE "$skip")
if [ "$failed" -gt 0 ]; then
	echo "# failures:"
	grep -E '^not ok ' "$log" | grep -vE "$skip"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
