# t_respcache: each worker's memory of public answers (cgi/http/respcache.c): reused for anonymous
# readers, never for staff, and never once the database has changed, whoever changed it.

REL_PATH=/news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality

# hits PATH N: GETs PATH N times; prints how many answers came from a worker's memory.
hits() {
	_hits=0
	for _i in $(seq "$2"); do
		http GET "$1"
		[ "$(hdr X-Pressroom-Cache)" = hit ] && _hits=$((_hits + 1))
	done
	echo "$_hits"
}

n=$(hits "$REL_PATH" 6)
check "an anonymous reader's repeated GET is answered from a worker's memory ($n of 6)" test "$n" -ge 3
http GET "$REL_PATH"
first=$(md5sum < "$BODY")
check "... with the same status and body as a fresh answer" eval '[ "$STATUS" = 200 ]'
http HEAD "$REL_PATH"
http GET "$REL_PATH"
check "a HEAD does not leave an empty body for the next GET" eval '[ "$STATUS" = 200 ] && [ "$(md5sum < "$BODY")" = "$first" ]'

# A change made by another program (here sqlite3, as an operator would) shows at once.
old=$(sql "SELECT title FROM releases WHERE slug = 'chambers-joins-regional-workshop-on-trafficking-for-forced-criminality'")
sql "UPDATE releases SET title = 'Cache coherence check title' WHERE slug = 'chambers-joins-regional-workshop-on-trafficking-for-forced-criminality'"
stale=0
for i in 1 2 3 4 5 6; do
	http GET "$REL_PATH"
	has "Cache coherence check title" || stale=$((stale + 1))
done
check "after a write by another connection no worker serves the old page (stale answers: $stale of 6)" test "$stale" = 0
sql "UPDATE releases SET title = '$(echo "$old" | sed "s/'/''/g")' WHERE slug = 'chambers-joins-regional-workshop-on-trafficking-for-forced-criminality'"
http GET "$REL_PATH"
check "... and the change back shows too" lacks "Cache coherence check title"

# Staff never get a kept answer, nor leave theirs for readers.
J="$TMP/respcache-editor.jar"
login "$J" editor1 editor-one-password
staff_hits=0
for i in 1 2 3 4; do
	http GET "$REL_PATH" -b "$J"
	[ -n "$(hdr X-Pressroom-Cache)" ] && staff_hits=$((staff_hits + 1))
done
check "a signed-in person's requests are always built afresh ($staff_hits kept answers)" test "$staff_hits" = 0

# A query string is part of the address: two searches are two answers.
http GET "/search?q=Bangkok"
a=$(md5sum < "$BODY")
http GET "/search?q=zzzznothing"
check "answers are kept per full address, query included" eval '[ "$(md5sum < "$BODY")" != "$a" ]'

# The listing's count is kept between requests too (cgi/http/memo.c); a signed-in GET builds the page
# afresh, so it shows the kept count, which must follow a write by another connection at once.
# count_now: the "N releases" line of the home page as the editor sees it.
count_now() {
	http GET / -b "$J"
	sed -n 's/.*class="count">\([0-9,]*\) release.*/\1/p' "$BODY" | head -1 | tr -d ,
}
before=$(count_now)
again=$(count_now)
last=$(sql "SELECT id FROM releases WHERE status = 'published' ORDER BY id DESC LIMIT 1")
sql "UPDATE releases SET status = 'unpublished' WHERE id = $last"
after=$(count_now)
sql "UPDATE releases SET status = 'published' WHERE id = $last"
restored=$(count_now)
check "the home page's count follows writes by another connection ($before, $again, $after, $restored)" \
    eval '[ -n "$before" ] && [ "$again" = "$before" ] && [ "$after" = $((before - 1)) ] && [ "$restored" = "$before" ]'
