#!/bin/sh
# `make test`: every suite in turn; each prints TAP-style "ok - ..." / "not ok - ..." lines,
# and this script ends with the one summary line "N passed, N failed".
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/tests/out"
rm -rf "$out"
mkdir -p "$out"
log="$out/all.log"
: > "$log"

suite() {
	name=$1
	shift
	echo "# suite: $name" | tee -a "$log"
	"$@" 2>>"$out/$name.stderr" | tee -a "$log"
}

suite build       make -C "$here" --no-print-directory test-build
suite unit        sh "$here/tests/unit/run.sh"
suite fuzz        sh "$here/tests/fuzz/run.sh" smoke
suite e2e-nginx   sh "$here/tests/e2e/run.sh" nginx build
suite e2e-lighttpd sh "$here/tests/e2e/run.sh" lighttpd build
suite e2e-asan    sh "$here/tests/e2e/run.sh" nginx build-asan
suite browser     sh "$here/tests/browser/run.sh"
suite trust       sh "$here/tests/trust/run.sh"
suite soak        sh "$here/tests/soak/run.sh" 20

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
if [ "$failed" -gt 0 ]; then
	echo "# failures:"
	grep '^not ok ' "$log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
