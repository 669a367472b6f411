# t_seccomp: every worker serves under its seccomp allow-list (Seccomp: 2, NoNewPrivs: 1); a forbidden
# system call made inside a real worker (injected with gdb: fork(), then socket()) kills it with SIGSYS,
# the master logs it and forks a fresh one, and the portal keeps answering; `sandbox = off` runs without.

if ! command -v gdb >/dev/null; then
	not_ok "t_seccomp needs gdb (apt-get install gdb): it makes a worker break the filter"
	return 1
fi
start_stack nginx "$BUILD" || return 1

# status_field PID NAME: a field of /proc/PID/status.
status_field() {
	sed -n "s/^$2:[[:space:]]*//p" "/proc/$1/status" 2>/dev/null
}

# sandboxed PID: the filter is loaded (mode 2) with no_new_privs set.
sandboxed() {
	[ "$(status_field "$1" Seccomp)" = 2 ] && [ "$(status_field "$1" NoNewPrivs)" = 1 ] ||
	    { diag "pid $1: Seccomp $(status_field "$1" Seccomp), NoNewPrivs $(status_field "$1" NoNewPrivs)"; false; }
}

sc_workers=$(workers)
sc_all=1
for w in $sc_workers; do sandboxed "$w" || sc_all=0; done
check "each of the $(echo $sc_workers | wc -w) workers runs under a seccomp filter (Seccomp: 2, NoNewPrivs: 1)" \
    eval '[ -n "$sc_workers" ] && [ $sc_all = 1 ]'
check "the master, which must fork, has none (Seccomp: 0)" test "$(status_field "$APP_PID" Seccomp)" = 0

# sc_forbidden CALL DESC: gdb makes one worker call CALL; it must die of SIGSYS (31), the master must say
# so and put a new worker in its place, and GET / must still answer 200.
sc_forbidden() {
	_victim=$(workers | cut -d' ' -f1)
	_before=$(workers)
	_gdb=$(timeout 30 gdb -p "$_victim" -batch -ex "call (long)$1" 2>&1)
	check "$2 in worker $_victim: the kernel kills it with SIGSYS" \
	    eval 'echo "$_gdb" | grep -q "SIGSYS" && wait_for 60 gone "$_victim" || { diag "$_gdb"; false; }'
	check "... the master logs that worker $_victim died of signal 31" \
	    wait_for 60 grep -q "worker $_victim died of signal 31; respawning" "$LOG"
	check "... and forks a new worker in its place" eval 'wait_for 60 sc_replaced "$_victim" $_before'
	http GET /
	status_is 200 "... and GET / still answers 200"
}

# sc_replaced VICTIM OLD...: as many workers as before, the victim not among them.
sc_replaced() {
	_v=$1
	shift
	_now=$(workers)
	[ "$(echo $_now | wc -w)" -eq "$#" ] && case " $_now " in *" $_v "*) false ;; *) true ;; esac
}

sc_forbidden "fork()" "fork() (clone)"
sc_forbidden "socket(2, 1, 0)" "socket(AF_INET, SOCK_STREAM)"
sc_new=$(workers | cut -d' ' -f1)
check "the respawned worker is sandboxed too" sandboxed "$sc_new"
SJ="$TMP/seccomp-author.jar"
login "$SJ" author1 author-one-password
status_is 303 "a login still works after the respawns (argon2id, randomness, a session write)"
stop_stack

PRESSROOM_SANDBOX=off start_stack nginx "$BUILD" || return 1
check "with sandbox = off (PRESSROOM_SANDBOX=off) the workers run without a filter" \
    test "$(status_field "$(workers | cut -d' ' -f1)" Seccomp)" = 0
stop_stack
