#!/bin/sh
# Runs every unit test binary of build/ (and build-asan/ when built); stdout carries only TAP lines.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT INT TERM
failed=0

# A hung test must not hang `make test`: bound each binary when timeout(1) is there.
limit=
command -v timeout > /dev/null 2>&1 && limit="timeout 60"

run_one() {
	bin=$1
	tag=$2
	$limit "./$bin" $tag > "$tmp"
	rc=$?
	grep -E '^(ok|not ok) ' "$tmp"
	grep -vE '^(ok|not ok) ' "$tmp" >&2
	if grep -q '^not ok ' "$tmp"; then
		failed=1
	elif [ "$rc" -ne 0 ]; then
		echo "not ok - $bin crashed or failed (exit $rc)"
		failed=1
	elif ! grep -q '^ok ' "$tmp"; then
		echo "not ok - $bin ran no checks"
		failed=1
	fi
}

found=0
for bin in build/test_*; do
	[ -f "$bin" ] && [ -x "$bin" ] || continue
	found=1
	run_one "$bin" ""
done
if [ "$found" -eq 0 ]; then
	echo "not ok - unit: no test binaries in build/ (run make test-unit)"
	failed=1
fi

for bin in build-asan/test_*; do
	[ -f "$bin" ] && [ -x "$bin" ] || continue
	run_one "$bin" asan
done

exit "$failed"
