#!/bin/sh
# Documentation checks, one TAP line each: the man pages lint clean and say what the binaries' -h
# says (settings and defaults, flags, commands); README.md stays short; no issue numbers in the docs.
# sh tests/docs/run.sh [BUILD]   (from the repository's top; BUILD defaults to build)
set -u
cd "$(dirname "$0")/../.." || exit 2
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
ok() { echo "ok - docs: $1"; }
nok() { echo "not ok - docs: $1"; failed=$((failed + 1)); }

for page in man/pressroom.8 man/pressroomctl.8 man/pressroom.conf.5; do
	if ! [ -f "$page" ]; then
		nok "$page exists"
	elif out=$(mandoc -Tlint -Wwarning "$page" 2>&1) && [ -z "$out" ]; then
		ok "mandoc -Tlint -Wwarning $page is silent"
	else
		nok "mandoc -Tlint -Wwarning $page: $(echo "$out" | head -3 | tr '\n' ' ')"
	fi
done

if ! "$build/pressroom" -h > "$tmp/server.txt" 2>&1 || ! "$build/pressroomctl" -h > "$tmp/ctl.txt" 2>&1; then
	nok "$build/pressroom -h and $build/pressroomctl -h run (make all first)"
	echo "# $failed failed"
	exit 1
fi

# Settings: "key ENV default" per line; the default is a trailing "(word)" in -h, "-" when none.
awk '/^Settings/ { on = 1; next }
     on && $1 ~ /^[a-z_]+$/ && $2 ~ /^PRESSROOM_/ {
	d = "-"
	if (match($0, /\([^ ()]+\)$/)) d = substr($0, RSTART + 1, RLENGTH - 2)
	print $1, $2, d }' "$tmp/server.txt" | sort > "$tmp/help-settings"
# In the man page each key is ".It Cm key", then ".Pq Ev ENV"; "Default:" alone on a line is
# followed by the value's macro line; "Default: words" states no single value.
awk 'function flush() { if (key != "") print key, env, (def == "" ? "-" : def); key = ""; env = ""; def = "" }
     /^\.It Cm [a-z_]+$/ { flush(); key = $3; next }
     key != "" && /^\.Pq Ev / { env = $3; next }
     key != "" && want { v = $0; sub(/^\.[A-Z][a-z] /, "", v); sub(/ [.,;]$/, "", v); def = v; want = 0; next }
     key != "" && /^Default:$/ { want = 1; next }
     /^\.El/ { flush() }
     END { flush() }' man/pressroom.conf.5 | sort > "$tmp/man-settings"
# Compare: same keys and variables; a default -h states must be the man page's.
awk 'NR == FNR { hk[$1] = 1; henv[$1] = $2; hdef[$1] = $3; next }
     { line = $0; k = $1; e = $2; sub(/^[^ ]+ [^ ]+ /, "", line); mk[k] = 1; menv[k] = e; mdef[k] = line }
     END {
	for (k in hk) if (!(k in mk)) print "missing from the man page: " k
	for (k in mk) if (!(k in hk)) print "not in pressroom -h: " k
	for (k in hk) if (k in mk) {
		if (henv[k] != menv[k]) print k ": variable " menv[k] " in the man page, " henv[k] " in -h"
		if (hdef[k] != "-" && hdef[k] != mdef[k]) print k ": default " mdef[k] " in the man page, " hdef[k] " in -h"
	} }' "$tmp/help-settings" "$tmp/man-settings" | sort > "$tmp/diff-settings"
if [ -s "$tmp/help-settings" ] && ! [ -s "$tmp/diff-settings" ]; then
	ok "pressroom.conf.5 documents exactly the $(wc -l < "$tmp/help-settings") settings of pressroom -h, with their variables and defaults"
else
	nok "pressroom.conf.5 against pressroom -h: $(tr '\n' ';' < "$tmp/diff-settings")"
fi

# Flags: every "  -x" line of pressroom -h is a ".Fl x" in pressroom.8.
missing=
for f in $(awk '/^  -[a-zA-Z] / { print substr($1, 2) }' "$tmp/server.txt"); do
	grep -q "Fl $f\\b" man/pressroom.8 || missing="$missing -$f"
done
[ -z "$missing" ] && ok "pressroom.8 documents every flag of pressroom -h" ||
	nok "pressroom.8 lacks the flags$missing"

# Commands: the leading lower-case words of each command line of pressroomctl -h are an
# ".It Cm ..." in pressroomctl.8, and each --option on those lines is an "Fl -option" there.
missing=
awk '/^  [a-z]/ { s = substr($0, 3); sub(/  .*/, "", s); n = split(s, w, " "); c = ""
	for (i = 1; i <= n && w[i] ~ /^[a-z]+$/; i++) c = c (c == "" ? "" : " ") w[i]; print c }' \
    "$tmp/ctl.txt" | sort -u > "$tmp/commands"
while read -r c; do
	grep -q "^\\.It Cm $c\\b" man/pressroomctl.8 || missing="$missing, $c"
done < "$tmp/commands"
for o in $(grep -o -- '--[a-z][a-z-]*' "$tmp/ctl.txt" | sort -u); do
	grep -q -- "Fl -${o#--}\\b" man/pressroomctl.8 || missing="$missing, $o"
done
[ -s "$tmp/commands" ] && [ -z "$missing" ] && ok "pressroomctl.8 documents every command of pressroomctl -h ($(wc -l < "$tmp/commands"))" ||
	nok "pressroomctl.8 lacks${missing#,}"

lines=$(wc -l < README.md)
[ "$lines" -lt 250 ] && ok "README.md is under 250 lines ($lines)" || nok "README.md is $lines lines, 250 or more"

hits=$(grep -rniE '\bissues? *(#|no\.? *)?[0-9]+' README.md docs/ --include='*.md' 2>/dev/null | head -5)
[ -z "$hits" ] && ok "README.md and docs/ name no issue numbers" || nok "issue numbers in: $(echo "$hits" | cut -c1-120 | tr '\n' ';')"

[ $failed -eq 0 ]
