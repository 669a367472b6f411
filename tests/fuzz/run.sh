#!/bin/sh
# tests/fuzz/run.sh smoke|long: builds the libFuzzer targets, runs each, replays every fixed finding; TAP lines.
#
# smoke (make test): each target FUZZ_SMOKE_SECONDS (8); long (make fuzz): FUZZ_SECONDS (600).
# FUZZ_TARGETS="urlencoded fcgi" runs only those. Two targets run at a time. Each starts from a
# copy of its seed corpus (tests/fuzz/corpus/<target>, never written to) in
# tests/out/fuzz/corpus-<target>; a crash, leak, timeout or sanitizer report fails the target and
# leaves its reproducer as tests/out/fuzz/<target>-crash-<sha1> (or -leak-, -timeout-, -oom-).
# Every file in tests/fuzz/regress/<target>/ is a reproducer of a fixed finding, replayed once.
set -u
mode=${1:-smoke}
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here" || exit 1
out=tests/out/fuzz
case $mode in
smoke) seconds=${FUZZ_SMOKE_SECONDS:-8} ;;
long)  seconds=${FUZZ_SECONDS:-600} ;;
*)     echo "usage: $0 smoke|long" >&2; exit 2 ;;
esac
targets=${FUZZ_TARGETS:-$(for f in tests/fuzz/fuzz_*.c; do t=${f##*/fuzz_}; echo "${t%.c}"; done)}
mkdir -p "$out"

if ! make --no-print-directory fuzz-build > "$out/build.log" 2>&1; then
	echo "not ok - fuzz: the libFuzzer targets build with clang (see $out/build.log)"
	exit 0
fi

# The site targets serve pages: they need the real templates wherever the run starts.
export PRESSROOM_TEMPLATES="$here/templates" PRESSROOM_STATIC="$here/static"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$here/tests/fuzz/lsan.supp:print_suppressions=0"
# The site targets' temporary databases and sockets; a crashed target cannot remove its own.
export TMPDIR="$here/$out/tmp"
rm -rf "$TMPDIR"
mkdir -p "$TMPDIR"

fuzz_one() {
	t=$1
	corpus="$out/corpus-$t"
	rm -rf "$corpus" "$out/$t-"*
	mkdir -p "$corpus"
	cp tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null
	dict=
	[ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
	# -timeout: one input running 30 s is a hang, and a finding like any other.
	"build-fuzz/fuzz_$t" "$corpus" $dict -max_total_time="$seconds" -timeout=30 \
	    -artifact_prefix="$out/$t-" -print_final_stats=1 > "$out/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$t.log")
	repro=$(ls "$out/$t-"* 2>/dev/null | head -n 1)
	if [ "$rc" -eq 0 ] && [ -z "$repro" ] && [ -n "$runs" ]; then
		echo "ok - fuzz $t: $runs runs ($speed/s), no crash, leak or sanitizer report"
	else
		echo "not ok - fuzz $t: reproducer ${repro:-none} (exit $rc; $out/$t.log)"
		grep -a -m 3 -E 'ERROR|property broken|SUMMARY' "$out/$t.log" >&2
	fi
}

set -- $targets
while [ $# -gt 0 ]; do
	a=$1
	shift
	fuzz_one "$a" > "$out/$a.tap" &
	if [ $# -gt 0 ]; then
		b=$1
		shift
		fuzz_one "$b" > "$out/$b.tap" &
	else
		b=
	fi
	wait
	cat "$out/$a.tap"
	[ -n "$b" ] && cat "$out/$b.tap"
done

for t in $targets; do
	for f in tests/fuzz/regress/"$t"/*; do
		[ -f "$f" ] || continue
		if "build-fuzz/fuzz_$t" "$f" > "$out/regress-$t-${f##*/}.log" 2>&1; then
			echo "ok - fuzz $t regression ${f##*/}: replays without a report"
		else
			echo "not ok - fuzz $t regression ${f##*/}: $f fails again ($out/regress-$t-${f##*/}.log)"
		fi
	done
done
rm -rf "$TMPDIR"
