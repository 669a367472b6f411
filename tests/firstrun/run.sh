#!/bin/sh
# firstrun: `make run` works wherever a person clones: as root from a 0700 folder and from a path with a
# space, as an ordinary user (every process theirs), and it names the apt-get line when a package is
# missing; the web server configurations scripts/webconf.sh writes pass nginx -t and lighttpd -tt silently.
# sh tests/firstrun/run.sh   (as root: it adds the account pressroom-firstrun if missing, and keeps it)
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
user=pressroom-firstrun
title="Chambers joins UNODC regional workshop on trafficking for forced criminality"
release=/news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality
missing_pkg=libcmark-dev
failed=0
# The end-to-end helpers, for wait_for, port_free and free_port; the TAP lines below are this
# chooses its own account, so the e2e tests' `user = root` is not passed on.
. "$here/tests/e2e/lib.sh"
unset PRESSROOM_USER
ok() { echo "ok - firstrun: $1"; }
nok() { echo "not ok - firstrun: $1"; failed=$((failed + 1)); }
diag() { echo "#   $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
	echo "ok - firstrun: make run from fresh copies, as root and as an ordinary user # SKIP needs root (useradd, runuser)"
	exit 0
fi

# Each session started (its id is make run's), each root run's folder in /var/tmp: all go at exit.
sessions="" run_dirs=""
troot=$(mktemp -d /tmp/pressroom-firstrun.XXXXXX) || exit 1
uhome=$(mktemp -d /tmp/pressroom-firstrun-home.XXXXXX) || exit 1
cleanup() {
	for s in $sessions; do kill -TERM "-$s" 2>/dev/null; done
	for s in $sessions; do wait_for 30 session_gone "$s" || kill -KILL "-$s" 2>/dev/null; done
	for d in "$troot" "$uhome"; do
		for p in $(copy_pids "$d"); do kill -KILL "$p" 2>/dev/null; done
	done
	rm -rf "$troot" "$uhome"
	for d in $run_dirs; do rm -rf "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# status PORT PATH [FILE]: the HTTP status of GET PATH (000 when nothing answers), the body in FILE.
status() {
	curl -s --noproxy 127.0.0.1 --max-time 10 -o "${3:-/dev/null}" -w '%{http_code}' "http://127.0.0.1:$1$2" 2>/dev/null ||
	    true
}

# session_pids SID: the live (not zombie) processes of a session, one "pid user args" a line.
session_pids() {
	ps -eo pid=,sid=,stat=,user:32=,args= | awk -v s="$1" '$2 == s && $3 !~ /^Z/ { $2 = ""; $3 = ""; print }'
}

session_gone() {
	[ -z "$(session_pids "$1")" ]
}

# copy_pids DIR: the processes running a program from under DIR (pressroom, pressroomctl).
copy_pids() {
	for _p in /proc/[0-9]*; do
		case $(readlink "$_p/exe" 2>/dev/null) in "$1"/*) echo "${_p#/proc/}" ;; esac
	done
}

# stopped SID PORT DIR: nothing answers on PORT and nothing of the session or of the copy in DIR runs.
stopped() {
	port_free "$2" && session_gone "$1" && [ -z "$(copy_pids "$3")" ]
}

# copy DEST [OWNER]: the files git tracks, as they are in the working tree (so uncommitted changes count),
# unpacked by OWNER when given, so that they are theirs as a clone of theirs would be.
copy() {
	if [ -n "${2:-}" ]; then
		runuser -u "$2" -- mkdir -p "$1"
		(cd "$here" && git ls-files -z | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) |
		    runuser -u "$2" -- tar -xf - -C "$1"
	else
		mkdir -p "$1"
		(cd "$here" && git ls-files -z | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$1"
	fi
}

# reuse_build FROM DEST [OWNER]: the first copy's build, timestamps kept so that make finds it up to date.
reuse_build() {
	[ -x "$1/build/pressroom" ] || return 0
	cp -a "$1/build" "$2/build"
	[ -z "${3:-}" ] || chown -R "$3:" "$2/build"
}

# start DIR PORT ACCOUNT LOG [PATH_FIRST]: `make run PORT=PORT` in DIR as ACCOUNT, from a login shell's
# environment (as a person's terminal has it, not this script's), in a session of its own; sets SID.
# A background job starts with SIGINT ignored, which a terminal's Ctrl-C does not: env puts it back.
start() {
	_home=/root
	[ "$3" = root ] || _home=$uhome
	setsid runuser -u "$3" -- env -i --default-signal=INT,QUIT HOME="$_home" USER="$3" LOGNAME="$3" SHELL=/bin/sh \
	    sh -lc 'PATH="${3:+$3:}$PATH"; cd "$1" && exec make -j2 run PORT="$2"' sh "$1" "$2" "${5:-}" \
	    > "$4" 2>&1 < /dev/null &
	SID=$!
	sessions="$sessions $SID"
}

# serving PORT SID: the demo release answers 200 with its title, from the web server make run started.
serving() {
	[ "$(status "$1" "$release" "$troot/page.html")" = 200 ] && grep -qF "$title" "$troot/page.html" &&
	    listener_in "$1" "$2"
}

# listener_in PORT SID: the socket listening on 127.0.0.1:PORT is held by a process of the session, not
# by some other server that took the port meanwhile.
listener_in() {
	for _ino in $(awk -v p=":$(printf '%04X' "$1")" '$4 == "0A" && substr($2, length($2) - 4) == p { print $10 }' \
	    /proc/net/tcp); do
		for _pid in $(session_pids "$2" | awk '{ print $1 }'); do
			ls -l "/proc/$_pid/fd" 2>/dev/null | grep -qF "socket:[$_ino]" && return 0
		done
	done
	return 1
}

# running SID: make run's session still has its leader.
running() {
	session_pids "$1" | awk -v s="$1" '$1 == s { f = 1 } END { exit !f }'
}

# up_or_ended PORT SID: serving, or make run gave up (no use waiting 300 s for a failed build).
up_or_ended() {
	serving "$1" "$2" || ! running "$2"
}

# pressroom_pids DIR: the pressroom processes (master and workers) of the copy in DIR.
pressroom_pids() {
	for _p in $(copy_pids "$1"); do
		[ "$(readlink "/proc/$_p/exe" 2>/dev/null)" = "$1/build/pressroom" ] && echo "$_p"
	done
}

# accounts DIR: the accounts, real and effective, that ps gives for them, each once.
accounts() {
	for _p in $(pressroom_pids "$1"); do
		ps -o ruser:32=,euser:32= -p "$_p"
	done | tr -s ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# one_run WHAT DIR ACCOUNT WORKERS_AS: make run in DIR as ACCOUNT serves the demo, its pressroom processes
# run as WORKERS_AS, Ctrl-C stops all of it: three test lines (one when it never serves).
one_run() {
	_what=$1 _dir=$2 _acct=$3 _as=$4
	_port=$(free_port "$next_port") || { nok "$_what: a free port"; return; }
	next_port=$((_port + 1))
	_log="$troot/run-$_port.log"
	start "$_dir" "$_port" "$_acct" "$_log"
	_sid=$SID
	wait_for 300 up_or_ended "$_port" "$_sid"
	if serving "$_port" "$_sid" && [ "$(status "$_port" /static/style.css)" = 200 ] &&
	    [ "$(status "$_port" / "$troot/home.html")" = 200 ] && grep -qF "href=\"$release\">$title<" "$troot/home.html"; then
		ok "$_what: make run serves the demo release ($release, 200, its title), the home page's link to it and /static/ through nginx on 127.0.0.1:$_port"
		_up=1 served=$((served + 1))
	else
		_up=0
		nok "$_what: make run serves the demo release, its link on the home page and /static/ through nginx on 127.0.0.1:$_port"
		diag "release: $(status "$_port" "$release"), /: $(status "$_port" /), /static/style.css: $(status "$_port" /static/style.css)"
		tail -25 "$_log" | sed 's/^/#   | /' >&2
	fi
	# The root run's state folder, named in make run's output, goes at exit.
	run_dirs="$run_dirs $(sed -n 's|.*\(/var/tmp/pressroom-run-0-[0-9a-f]*\)/.*|\1|p' "$_log" | sort -u | tr '\n' ' ')"

	# As an ordinary account, everything under runuser (make, the shell, nginx) is that account's too.
	# (A run that never served has no processes to look at, nor anything for Ctrl-C to stop.)
	_accts=$(accounts "$_dir") _n=$(pressroom_pids "$_dir" | wc -l)
	_others=""
	[ "$_acct" = root ] || _others=$(session_pids "$_sid" | awk -v u="$_acct" -v s="$_sid" '$1 != s && $2 != u')
	_also=""
	[ "$_acct" = root ] || _also=", and so does everything else make run started"
	if [ $_up = 0 ]; then
		:
	elif [ "$_accts" = "$_as" ] && [ "$_n" -ge 2 ] && [ -z "$_others" ]; then
		ok "$_what: ps shows pressroom's master and workers ($_n processes) running as $_as$_also"
	else
		nok "$_what: ps shows pressroom's master and workers running as $_as$_also (found $_n, as: ${_accts:-nobody})"
		session_pids "$_sid" | sed 's/^/#   ps: /' >&2
	fi

	# Ctrl-C: SIGINT to make run's process group, as a terminal sends it.
	kill -INT "-$_sid" 2>/dev/null
	if wait_for 60 stopped "$_sid" "$_port" "$_dir"; then
		[ $_up = 0 ] ||
		    ok "$_what: Ctrl-C (SIGINT to make run's process group) stops it: the port is closed, no process of the copy is left"
	else
		nok "$_what: Ctrl-C stops make run: the port is closed, no process of the copy is left"
		session_pids "$_sid" | sed 's/^/#   left: /' >&2
		kill -KILL "-$_sid" 2>/dev/null
	fi
	wait "$_sid" 2>/dev/null
}

# The ordinary account: its home, and the copies, in a folder only it may enter.
if ! id -u "$user" >/dev/null 2>&1 &&
    ! useradd -M -d "$uhome" -s /bin/sh -c "pressroom first-run test" "$user"; then
	nok "the account $user can be made (useradd)"
	exit 1
fi
chown "$user:" "$uhome"
chmod 0700 "$uhome"
chmod 0700 "$troot"
next_port=18700 served=0

# 1. Root, from a 0700 folder of root's (as root's home is): make run builds there.
copy "$troot/pressroom"
one_run "as root, from a 0700 folder" "$troot/pressroom" root www-data

# 2. Root, from a path with a space.
copy "$troot/press room/pressroom"
reuse_build "$troot/pressroom" "$troot/press room/pressroom"
one_run "as root, from a path with a space" "$troot/press room/pressroom" root www-data

# 3. An ordinary account, in its own copy; then the same from a path with a space.
copy "$uhome/pressroom" "$user"
reuse_build "$troot/pressroom" "$uhome/pressroom" "$user"
one_run "as $user" "$uhome/pressroom" "$user" "$user"
# The README's promise: the next make run reuses the database (and its admin account).
one_run "as $user, a second time" "$uhome/pressroom" "$user" "$user"
if grep -q '^Reusing .*/var/pressroom.db$' "$_log" && ! grep -q 'Creating the admin account' "$_log"; then
	ok "as $user, a second time: make run reuses the database it made, with no new admin account"
else
	nok "as $user, a second time: make run reuses the database it made, with no new admin account"
	tail -5 "$_log" | sed 's/^/#   | /' >&2
fi
copy "$uhome/press room/pressroom" "$user"
reuse_build "$troot/pressroom" "$uhome/press room/pressroom" "$user"
one_run "as $user, from a path with a space" "$uhome/press room/pressroom" "$user" "$user"

# 4. A package missing, for the ordinary account: a dpkg-query first on PATH says one is not installed
# (scripts/deps.sh asks dpkg-query, found on PATH) and asks the real one about the rest.
dir="$uhome/missing/pressroom"
copy "$dir" "$user"
fake="$uhome/fakebin"
mkdir -p "$fake"
real_query=$(command -v dpkg-query)
cat > "$fake/dpkg-query" <<EOF
#!/bin/sh
# dpkg-query, but $missing_pkg is not installed.
for a in "\$@"; do
	[ "\$a" = "$missing_pkg" ] && { echo "dpkg-query: no packages found matching $missing_pkg" >&2; exit 1; }
done
exec $real_query "\$@"
EOF
chmod 0755 "$fake" "$fake/dpkg-query"
port=$(free_port "$next_port")
log="$troot/missing.log"
start "$dir" "$port" "$user" "$log" "$fake"
sid=$SID
if wait_for 300 eval '! running "$sid"'; then
	wait "$sid"
	rc=$?
	apt_line=$(grep 'apt-get install' "$log" | head -1)
	# The packages on that line: its words after "install" that are not options.
	pkgs=$(echo "${apt_line#*apt-get install}" | tr ' ' '\n' | grep -v '^-' | sed '/^$/d' | tr '\n' ' ' | sed 's/ $//')
	if [ "$rc" -ne 0 ] && [ "$pkgs" = "$missing_pkg" ]; then
		ok "as $user with $missing_pkg missing: make run says to run '$(echo "$apt_line" | sed 's/^ *//')' and exits $rc"
	else
		nok "as $user with $missing_pkg missing: make run prints the apt-get install line for it and exits non-zero (exit $rc)"
		sed 's/^/#   | /' "$log" >&2
	fi
	if port_free "$port" && session_gone "$sid" && [ -z "$(copy_pids "$dir")" ] && ! [ -e "$dir/build" ] &&
	    ! [ -e "$dir/var" ]; then
		ok "as $user with $missing_pkg missing: nothing was built or started (no build/, no var/, no process, port $port closed)"
	else
		nok "as $user with $missing_pkg missing: nothing was built or started"
		ls -d "$dir/build" "$dir/var" 2>/dev/null | sed 's/^/#   made: /' >&2
		session_pids "$sid" | sed 's/^/#   running: /' >&2
	fi
else
	nok "as $user with $missing_pkg missing: make run stops by itself"
	tail -25 "$log" | sed 's/^/#   | /' >&2
	kill -KILL "-$sid" 2>/dev/null
fi

# 5. The configurations scripts/webconf.sh writes, as root and as the ordinary account (from a path with
# a space): nginx -t and lighttpd -tt, each as the account that would run it, warn of nothing.
# conf_check ACCOUNT DIR WHERE: two test lines.
conf_check() {
	_acct=$1 _dir=$2 _where=$3
	_var="$_dir/var-conf" _port=$(free_port "$next_port")
	for _server in nginx lighttpd; do
		if ! runuser -u "$_acct" -- sh -c 'mkdir -p "$4" && sh "$1/scripts/webconf.sh" "$2" "$3" "$4" "$4/pressroom.sock" "$1/static" \
		    > "$4/$2.conf"' sh "$_dir" "$_server" "$_port" "$_var" 2> "$troot/webconf.err"; then
			nok "as $_acct: scripts/webconf.sh $_server writes a configuration"
			sed 's/^/#   | /' "$troot/webconf.err" >&2
			continue
		fi
		if [ "$_server" = nginx ]; then
			_out=$(runuser -u "$_acct" -- /usr/sbin/nginx -t -c "$_var/nginx.conf" -p "$_var" -e "$_var/nginx-test.log" 2>&1)
			_rc=$?
			_bad=$(echo "$_out" | grep -F -e '[warn]' -e '[alert]' -e '[emerg]')
			_cmd="nginx -t"
		else
			_out=$(runuser -u "$_acct" -- /usr/sbin/lighttpd -tt -f "$_var/lighttpd.conf" 2>&1)
			_rc=$?
			_bad=$(echo "$_out" | grep -i -e warn -e error)
			_cmd="lighttpd -tt"
		fi
		if [ "$_rc" -eq 0 ] && [ -z "$_bad" ]; then
			ok "as $_acct: $_cmd on scripts/webconf.sh's $_server configuration for $_where passes with no warning"
		else
			nok "as $_acct: $_cmd on scripts/webconf.sh's $_server configuration for $_where passes with no warning (exit $_rc)"
			echo "$_out" | sed 's/^/#   | /' >&2
		fi
	done
}
conf_check root "$troot/pressroom" "a 0700 folder of root's"
conf_check "$user" "$uhome/press room/pressroom" "a path with a space"

# ... and nginx itself logged no warning while it served the runs above.
# (As root, make run keeps them in its folder in /var/tmp; as the ordinary account, in the copy's var/.)
logs=$(for d in $run_dirs; do ls "$d/var/nginx-error.log"; done; ls "$uhome/pressroom/var/nginx-error.log" \
    "$uhome/press room/pressroom/var/nginx-error.log") 2>/dev/null
warned=$(echo "$logs" | while read -r f; do [ -n "$f" ] && grep -H -F -e '[warn]' -e '[emerg]' -e '[alert]' "$f"; done)
if [ $served = 0 ]; then
	ok "nginx's error logs of the runs hold no [warn], [alert] or [emerg] line # SKIP no make run got as far as nginx"
elif [ -n "$logs" ] && [ -z "$warned" ]; then
	ok "the $(echo "$logs" | wc -l) nginx error logs of the runs hold no [warn], [alert] or [emerg] line"
else
	nok "nginx's error logs of the runs hold no [warn], [alert] or [emerg] line"
	echo "${warned:-no log found}" | head -10 | sed 's/^/#   | /' >&2
fi

[ $failed -eq 0 ]
