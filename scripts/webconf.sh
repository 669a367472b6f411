#!/bin/sh
# Writes the nginx or lighttpd configuration for a local run: webconf.sh SERVER PORT VARDIR SOCKET STATIC [DAEMON] [CACHE]
# CACHE (nginx only) is on (the default, as for `make run` and deployments) or off: nginx's short
# cache of anonymous pages, which the end-to-end tests turn off so that every change shows at once.
set -eu
server=$1 port=$2 var=$3 socket=$4 static=$5 daemon=${6:-off} cache=${7:-on}
here=$(cd "$(dirname "$0")/.." && pwd)
# pressroom's media folder (the setting media, PRESSROOM_MEDIA): media/ beside the database, which
# `make run` keeps in VARDIR.
media=${PRESSROOM_MEDIA:-$var/media}
case $cache in
on) cache_zone=pressroom ;;
off) cache_zone=off ;;
*) echo "webconf.sh: CACHE must be on or off, not '$cache'" >&2; exit 2 ;;
esac
user_line=""
# As root the workers stay root, so they can open the 0660 socket pressroom (also root) made.
if [ "$(id -u)" -eq 0 ]; then
	case $server in
	nginx) user_line="user root root;" ;;
	lighttpd) user_line="" ;;
	esac
fi
mkdir -p "$var"
sed -e "s|@PORT@|$port|g" -e "s|@VAR@|$var|g" -e "s|@SOCKET@|$socket|g" \
    -e "s|@STATIC@|$static|g" -e "s|@USER_LINE@|$user_line|g" -e "s|@DAEMON@|$daemon|g" \
    -e "s|@CACHE@|$cache_zone|g" -e "s|@MEDIA@|$media|g" "$here/etc/$server.conf.in"
