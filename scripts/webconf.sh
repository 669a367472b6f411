#!/bin/sh
# Writes the nginx or lighttpd configuration for a local run: webconf.sh SERVER PORT VARDIR SOCKET STATIC [DAEMON]
set -eu
server=$1 port=$2 var=$3 socket=$4 static=$5 daemon=${6:-off}
here=$(cd "$(dirname "$0")/.." && pwd)
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
    "$here/etc/$server.conf.in"
