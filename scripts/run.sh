#!/bin/sh
# `make run`: a database with the demo content, pressroom and nginx (or lighttpd) on 127.0.0.1:PORT until Ctrl-C.
set -eu
server=${1:-nginx} port=${2:-8080}
here=$(cd "$(dirname "$0")/.." && pwd)
ctl="$here/build/pressroomctl"
templates="$here/templates" static="$here/static"
# Debian puts nginx and lighttpd in /usr/sbin, which an ordinary user's PATH leaves out.
export PATH="$PATH:/usr/sbin:/sbin"
# As root, pressroom's workers give root up for www-data (or PRESSROOM_USER), which cannot reach a
# clone in root's 0700 home or in a mktemp -d folder. So the demo's state (database, socket, logs)
# and a fresh copy of templates/ and static/ live in a folder of root's that every account can
# traverse, one per clone; as any other user everything runs as that user, in the clone's var/.
if [ "$(id -u)" -eq 0 ]; then
	export PRESSROOM_USER="${PRESSROOM_USER:-www-data}"
	run_dir="/var/tmp/pressroom-run-0-$(printf '%s' "$here" | sha256sum | cut -c1-12)"
	[ -d "$run_dir" ] || mkdir -m 0755 "$run_dir"
	# A folder someone else made or a symlink to elsewhere is not ours to write into.
	if [ -L "$run_dir" ] || [ "$(stat -c %u "$run_dir")" != 0 ]; then
		echo "$run_dir is not a folder of root's; remove it and run again" >&2
		exit 1
	fi
	chmod 0755 "$run_dir"
	rm -rf "$run_dir/templates" "$run_dir/static"
	cp -R "$templates" "$static" "$run_dir/"
	templates="$run_dir/templates" static="$run_dir/static"
	var="$run_dir/var"
else
	var="$here/var"
fi
db="$var/pressroom.db"
sock="$var/pressroom.sock"
case $server in nginx|lighttpd) ;; *) echo "SERVER must be nginx or lighttpd" >&2; exit 2 ;; esac
# Whatever else answers on the port would pass for this web server below (nginx retries its bind for
# some seconds before it gives up): a port in use is refused before anything starts.
if curl -s -o /dev/null --noproxy 127.0.0.1 --max-time 2 "http://127.0.0.1:$port/"; [ $? -ne 7 ]; then
	echo "127.0.0.1:$port is in use; stop what holds it or choose another PORT" >&2
	exit 1
fi
mkdir -p "$var"
export PRESSROOM_DB="$db" PRESSROOM_TEMPLATES="$templates" PRESSROOM_STATIC="$static"
export PRESSROOM_BASE_URL="http://127.0.0.1:$port"

if [ -f "$db" ]; then
	echo "Reusing $db"
	"$ctl" migrate
else
	"$ctl" init
	"$ctl" demo
	echo "Creating the admin account (keep this password):"
	"$ctl" user add admin --role admin --display-name "Administrator" </dev/null
fi

"$here/scripts/webconf.sh" "$server" "$port" "$var" "$sock" "$static" > "$var/$server.conf"
# The workers' account owns the state: the database, its -wal and -shm, the socket.
[ "$(id -u)" -ne 0 ] || chown -R "$PRESSROOM_USER:" "$var"

"$here/build/pressroom" -s "$sock" 2>>"$var/pressroom.log" &
app=$!
i=0
while [ ! -S "$sock" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
if [ ! -S "$sock" ]; then
	echo "pressroom did not start; see $var/pressroom.log" >&2
	tail -5 "$var/pressroom.log" >&2
	kill $app 2>/dev/null || true
	exit 1
fi
case $server in
nginx) nginx -e "$var/nginx-error.log" -c "$var/nginx.conf" -p "$var" & ;;
lighttpd) lighttpd -D -f "$var/lighttpd.conf" & ;;
esac
web=$!

stop() {
	trap - INT TERM EXIT
	echo
	echo "Stopping $server and pressroom"
	kill -TERM $web 2>/dev/null || true
	kill -TERM $app 2>/dev/null || true
	wait $web 2>/dev/null || true
	wait $app 2>/dev/null || true
	exit 0
}
trap stop INT TERM EXIT

# Running once the login page answers through the web server; a server that exits first (the port taken, a
# bad configuration) is reported, not announced as running.
i=0
until curl -sf -o /dev/null --noproxy 127.0.0.1 --max-time 2 "http://127.0.0.1:$port/login"; do
	if ! kill -0 $web 2>/dev/null || [ $i -ge 300 ]; then
		echo "$server did not start on 127.0.0.1:$port; see $var/$server-error.log" >&2
		tail -5 "$var/$server-error.log" >&2 2>/dev/null
		trap - INT TERM EXIT
		kill -TERM $web $app 2>/dev/null || true
		exit 1
	fi
	sleep 0.1
	i=$((i + 1))
done
echo
echo "pressroom is running behind $server:"
echo "  public site:  http://127.0.0.1:$port/"
echo "  staff login:  http://127.0.0.1:$port/login   (dashboard: /admin)"
echo "  logs:         $var/pressroom.log, $var/$server-error.log (and -access.log)"
echo "Press Ctrl-C to stop."
wait $web
