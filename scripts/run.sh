#!/bin/sh
# `make run`: a database with the demo content, pressroom and nginx (or lighttpd) on 127.0.0.1:PORT until Ctrl-C.
set -eu
server=${1:-nginx} port=${2:-8080}
here=$(cd "$(dirname "$0")/.." && pwd)
var="$here/var"
ctl="$here/build/pressroomctl"
db="$var/pressroom.db"
sock="$var/pressroom.sock"
case $server in nginx|lighttpd) ;; *) echo "SERVER must be nginx or lighttpd" >&2; exit 2 ;; esac
mkdir -p "$var"
export PRESSROOM_DB="$db" PRESSROOM_TEMPLATES="$here/templates" PRESSROOM_STATIC="$here/static"
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

"$here/scripts/webconf.sh" "$server" "$port" "$var" "$sock" "$here/static" > "$var/$server.conf"
# As root, pressroom gives root up after opening its socket: to www-data unless PRESSROOM_USER
# says otherwise. That account must own var/ (the database, its -wal and -shm, the socket).
if [ "$(id -u)" -eq 0 ]; then
	export PRESSROOM_USER="${PRESSROOM_USER:-www-data}"
	chown -R "$PRESSROOM_USER:" "$var"
fi

"$here/build/pressroom" -s "$sock" 2>>"$var/pressroom.log" &
app=$!
i=0
while [ ! -S "$sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if [ ! -S "$sock" ]; then
	echo "pressroom did not start; see $var/pressroom.log" >&2
	tail -5 "$var/pressroom.log" >&2
	kill $app 2>/dev/null || true
	exit 1
fi
case $server in
nginx) nginx -c "$var/nginx.conf" -p "$var" & ;;
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

sleep 0.5
echo
echo "pressroom is running behind $server:"
echo "  public site:  http://127.0.0.1:$port/"
echo "  staff login:  http://127.0.0.1:$port/login   (dashboard: /admin)"
echo "  logs:         $var/pressroom.log, $var/$server-error.log"
echo "Press Ctrl-C to stop."
wait $web
