# t_badinput: malformed and oversized requests get a 4xx, never a 5xx (run.sh checks every status of the run for 5xx).

B="$TMP/badinput.jar"
: > "$B"
tok=$(csrf_of "$B" /login)

# is_4xx DESC: a test line, ok for any 4xx status.
is_4xx() {
	case $STATUS in
	4??) ok "$1 (got $STATUS)" ;;
	*) not_ok "$1 (got $STATUS, want 4xx)"; show_last ;;
	esac
}

big="$TMP/badinput-big.txt"
{ printf 'csrf=%s&name=' "$tok"; head -c 1200000 /dev/zero | tr '\0' a; } > "$big"
http POST /login -b "$B" --data-binary "@$big"
status_is 413 "a 1.2 MB form body answers 413"

http POST /login -b "$B" -H 'Content-Type: text/plain' --data-binary "csrf=$tok&name=x&password=y"
status_is 415 "a POST with Content-Type text/plain answers 415"
http POST /login -b "$B" -H 'Content-Type: multipart/form-data; boundary=xyz' \
    --data-binary "$(printf -- '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--xyz--\r\n')"
is_4xx "a multipart POST to /login without its csrf token is refused"

http POST /login -b "$B" --data-binary "csrf=$tok&name=%ZZabc&password=x"
status_is 400 "a malformed percent escape (%ZZ) in a form body answers 400"
http POST /login -b "$B" --data-binary "csrf=$tok&name=abc%4&password=x"
status_is 400 "a truncated percent escape at the end of a field answers 400"
http POST /login -b "$B" --data-binary "csrf=$tok&name=abc%&password=x"
status_is 400 "a lone % in a form body answers 400"
http POST /login -b "$B" --data-binary "csrf=$tok&name=ab%00cd&password=x"
status_is 400 "a NUL (%00) in a field answers 400"
http POST /login -b "$B" --data-binary "csrf=$tok&name=ab%01cd&password=x"
status_is 400 "a control byte (%01) in a field answers 400"
http POST /login -b "$B" --data-binary "csrf=$tok&name=%C3%28&password=x"
status_is 400 "invalid UTF-8 (%C3%28) in a field answers 400"
http POST /login -b "$B" --data-binary "csrf=$tok&name=%C3%A9l%C3%A8ve&password=wrong-password-1"
status_is 422 "valid UTF-8 (élève) in a field is accepted (422: no such user)"

http POST /login -b "$B" -H 'Transfer-Encoding: chunked' --data-binary "csrf=$tok&name=chunky&password=wrong-password-1"
case $STATUS in
2??|3??|4??) ok "a chunked POST body is answered without a server error (got $STATUS)" ;;
*) not_ok "a chunked POST body is answered without a server error (got $STATUS)"; show_last ;;
esac

fields="csrf=$tok"
i=0
while [ $i -lt 250 ]; do
	fields="$fields&f$i=v"
	i=$((i + 1))
done
http POST /login -b "$B" --data-binary "$fields"
status_is 413 "a form with 250 fields answers 413"

long_name=$(head -c 200 /dev/zero | tr '\0' n)
http POST /login -b "$B" --data-binary "csrf=$tok&$long_name=x"
status_is 413 "a field name of 200 bytes answers 413"

http GET '/?page=%ZZ'
if [ "$SERVER" = lighttpd ]; then
	# lighttpd re-encodes a stray % as %25 before pressroom sees it: page=%ZZ is then just not a number.
	is_4xx "a query string with %ZZ is refused (lighttpd passes it on as %25ZZ)"
else
	status_is 400 "a query string with %ZZ answers 400"
fi
http GET '/?q=%00'
status_is 400 "a query string with %00 answers 400"
http GET '/news/2025/02/%ZZ'
status_is 400 "a path with %ZZ answers 400"
http GET '/news/2025/02/%00abc'
is_4xx "a path with %00 is refused"
http GET "/$(head -c 1500 /dev/zero | tr '\0' p)"
is_4xx "a 1500-byte path is refused"

cookie="pr_other=$(head -c 6000 /dev/zero | tr '\0' c)"
http GET / -H "Cookie: $cookie"
is_4xx "a 6 KB Cookie header is refused"
http GET / -H "Cookie: pr_session=%ZZ; pr_login=%00; junk; =; x=%C3%28"
status_is 200 "badly encoded cookies are ignored: GET / answers 200"
http GET /admin -H "Cookie: pr_session=$(head -c 64 /dev/zero | tr '\0' 0)"
status_is 303 "a made-up session id is sent to /login"

http GET / -H "X-Junk: $(head -c 3000 /dev/zero | tr '\0' x)"
status_is 200 "a long but harmless header is fine"
