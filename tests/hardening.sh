#!/bin/sh
# Checks that each program named is a PIE with full RELRO and a stack protector, as the build promises.
for bin in "$@"; do
	name=$(basename "$bin")
	if readelf -h "$bin" 2>/dev/null | grep -q 'Type:.*DYN'; then echo "ok - $name is position-independent"
	else echo "not ok - $name is position-independent"; fi
	if readelf -l "$bin" 2>/dev/null | grep -q GNU_RELRO && readelf -d "$bin" 2>/dev/null | grep -q 'BIND_NOW\|FLAGS.*NOW'
	then echo "ok - $name has full RELRO"
	else echo "not ok - $name has full RELRO"; fi
	if readelf -s "$bin" 2>/dev/null | grep -q '__stack_chk_fail'; then echo "ok - $name uses the stack protector"
	else echo "not ok - $name uses the stack protector"; fi
	if readelf -s "$bin" 2>/dev/null | grep -q '__[a-z]*_chk@'; then echo "ok - $name is built with _FORTIFY_SOURCE"
	else echo "not ok - $name is built with _FORTIFY_SOURCE"; fi
done
