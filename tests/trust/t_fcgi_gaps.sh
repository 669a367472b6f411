# t_fcgi_gaps: libfcgi's known gaps (issue 5). Crafted, truncated and stalled FastCGI records sent
# straight to the socket cost at most one worker for at most the deadline; the master respawns it,
# GET / through nginx keeps answering meanwhile, and no worker's memory balloons.
GAP_DEADLINE=2
export PRESSROOM_DEADLINE=$GAP_DEADLINE
PRESSROOM_ARGS="-w 2"
start_stack nginx "$BUILD" || return 0

two_workers() {
	[ "$(workers | wc -w)" -eq 2 ]
}

# gap CASE WHAT: one exchange from fcgi_gaps.py, and what must hold around it.
gap() {
	wait_for 60 two_workers || diag "$1: only $(workers) before the case"
	_before=$(workers)
	python3 tests/trust/fcgi_gaps.py "$SOCK" "$1" --hold 30 --master "$APP_PID" --sent "$TMP/gap-$1.sent" \
	    > "$TMP/gap-$1.out" 2>>"$TMP/gap.log" &
	_py=$!
	wait_for 60 test -e "$TMP/gap-$1.sent"
	check "$2: meanwhile GET / through nginx answers 200" answers
	wait "$_py"
	# closed=1 after=SECONDS peak_rss_kb=N
	_res=$(cat "$TMP/gap-$1.out")
	diag "$1: $_res; workers before: $_before, after: $(workers)"
	_closed=$(echo "$_res" | sed -n 's/.*closed=\([01]\).*/\1/p')
	_after=$(echo "$_res" | sed -n 's/.*after=\([0-9]*\).*/\1/p')
	_peak=$(echo "$_res" | sed -n 's/.*peak_rss_kb=\([0-9]*\).*/\1/p')
	# Without the deadline the stalled cases hold the worker until the client gives up (30 s).
	check "$2: the worker lets go of the connection within the $GAP_DEADLINE s deadline (+15 s, well before the 30 s the client waits)" \
	    test "${_closed:-0}" = 1 -a "${_after:-99}" -le $((GAP_DEADLINE + 15))
	check "$2: the master is back to 2 workers" wait_for 60 two_workers
	check "$2: then GET / answers 200" answers
	case $BUILD in
	*asan*) ;;   # AddressSanitizer builds have no address-space cap (bounds.c)
	*) check "$2: no worker's resident memory passed 100 MB (peak ${_peak:-?} kB)" \
	    test "${_peak:-999999}" -lt 102400 ;;
	esac
}

gap huge-pair "a PARAMS pair with name and value lengths 0x7ffffffe"
gap huge-announce "a value announced as 1 GB, 256 MB of it pushed"
gap truncated "a PARAMS record cut short by a closed connection"
gap short-header "half a record header, then a closed connection"
gap stall-params "a peer stalling mid-record inside libfcgi's accept"
gap stall-body "a peer stalling mid-body after a whole request head"

check "the log names the deadline for the stalled peers" \
    test "$(grep -c "passed the $GAP_DEADLINE s deadline" "$LOG")" -ge 2
check "a worker libfcgi aborted was respawned, and the log says so" grep -q 'respawning' "$LOG"
stop_stack
