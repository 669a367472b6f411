#!/bin/sh
# layers: cgi/'s folders are layers; a file includes only its own layer's headers and those below (cgi/README).
# Three checks, one TAP line each: includes point down the layers; no page or screen includes another's
# header; no circle of includes between modules (a module is a .c and its .h; tsort finds the loops).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here/cgi" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# What each layer may include, its own folder included; route.c (the top) may include them all.
allowed() {
	case $1 in
	lib) echo "lib" ;;
	store) echo "lib store" ;;
	http) echo "lib store http" ;;
	public) echo "lib store http public" ;;
	admin) echo "lib store http public admin" ;;
	ctl) echo "lib store ctl" ;;
	.) echo "lib store http public admin ctl" ;;
	esac
}

# Every project include as "file layer header header-layer", headers found by bare name.
for f in *.c */*.c */*.h */*.cc; do
	[ -f "$f" ] || continue
	layer=$(dirname "$f")
	sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f" | while read -r h; do
		where=$(ls -d */"$h" 2>/dev/null | head -1)
		[ -n "$where" ] || continue   # generated (build/) or a system header in quotes
		echo "$f $layer $h $(dirname "$where")"
	done
done > "$tmp/edges"

: > "$tmp/up"
while read -r f layer h hlayer; do
	case " $(allowed "$layer") " in *" $hlayer "*) ;; *) echo "$f ($layer) includes $hlayer/$h" >> "$tmp/up" ;; esac
done < "$tmp/edges"
if [ -s "$tmp/up" ]; then
	echo "not ok - layers: an include points up or sideways:"; sed 's/^/#   /' "$tmp/up"
else
	echo "ok - layers: every include in cgi/ points to its own layer or one below ($(wc -l < "$tmp/edges") includes)"
fi

# page_X.c may include page_X.h but no other page's header: what pages share is a module of its own.
awk '{ n = split($1, p, "/"); f = p[n]; sub(/\.[a-z]+$/, "", f)
       h = $3; sub(/\.h$/, "", h)
       if (h ~ /^page_/ && h != f) print $1 " includes " $3 }' "$tmp/edges" > "$tmp/sideways"
if [ -s "$tmp/sideways" ]; then
	echo "not ok - layers: a page includes another page's header:"; sed 's/^/#   /' "$tmp/sideways"
else
	echo "ok - layers: no public page includes another page's header"
fi

# Module graph: "includer included" pairs of stems, each module also paired with itself so tsort knows it.
awk '{ n = split($1, p, "/"); f = p[n]; sub(/\.[a-z]+$/, "", f); h = $3; sub(/\.h$/, "", h)
       print f, f; if (f != h) print f, h }' "$tmp/edges" > "$tmp/graph"
if tsort "$tmp/graph" > /dev/null 2> "$tmp/loops"; then
	echo "ok - layers: no circle of includes between modules (tsort over $(awk '$1 != $2' "$tmp/graph" | sort -u | wc -l) arrows)"
else
	echo "not ok - layers: circles of includes between modules (tsort):"; sed 's/^/#   /' "$tmp/loops"
fi
