/* search: what readers type made into safe FTS5 queries, and the marks on a page of results. */
#include <string.h>

#include "search.h"

/* A page of results in one statement. For a prefix query ("work"*) FTS5 merges the lists of every
 * word that starts so each time it starts (0.6 ms for a word in 16,000 releases): the unary + keeps
 * SQLite from starting it once per id, and one walk between the smallest and largest id reads
 * them all. Any other query starts cheaply, so each id is found directly (a word in every release:
 * 0.5 ms against 7 for the walk). */
#define SQL_MARKS \
	"SELECT rowid, highlight(releases_fts, 0, char(2), char(3)), highlight(releases_fts, 3, char(2), char(3)), " \
	"snippet(releases_fts, 1, char(2), char(3), '…', 32), snippet(releases_fts, 2, char(2), char(3), '…', 32) " \
	"FROM releases_fts WHERE releases_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND "
static const char SQL_MARKED_PREFIX[] = SQL_MARKS "+rowid IN (SELECT value FROM json_each(?4))";
static const char SQL_MARKED[] = SQL_MARKS "rowid IN (SELECT value FROM json_each(?4))";

static int
utf8_lead(unsigned char c)
{
	return (c & 0xc0) != 0x80;
}

char *
search_clip(struct arena *a, const char *typed, int *cut)
{
	size_t chars = 0, i = 0;
	for (; typed[i]; i++)
		if (utf8_lead((unsigned char)typed[i]) && ++chars > SEARCH_MAX_CHARS)
			break;
	*cut = typed[i] != '\0';
	return arena_strndup(a, typed, i);
}

/* The code point at s (valid UTF-8, as the request parser guarantees), and its length in *len. */
static unsigned long
code_point(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
	unsigned long cp = s[0] & (0x7f >> n);
	for (size_t i = 1; i < n && s[i]; i++)
		cp = cp << 6 | (s[i] & 0x3f);
	*len = n;
	return cp;
}

/* Whether FTS5's unicode61 tokenizer reads a character as part of a word. Outside ASCII the
 * common punctuation and symbol blocks are separators; anything else counts as a letter (at
 * worst a symbol slips through, and the search finds nothing rather than failing). */
static int
word_char(unsigned long cp)
{
	static const unsigned long separators[][2] = {
		{ 0x80, 0xa9 }, { 0xab, 0xb1 }, { 0xb4, 0xb4 }, { 0xb6, 0xb8 }, { 0xbb, 0xbb }, { 0xbf, 0xbf },
		{ 0xd7, 0xd7 }, { 0xf7, 0xf7 }, { 0x2000, 0x206f }, { 0x20a0, 0x20cf }, { 0x2190, 0x2bff },
		{ 0x3000, 0x3004 }, { 0x3008, 0x3020 }, { 0xfe30, 0xfe4f }, { 0xff00, 0xff0f }, { 0xff1a, 0xff20 },
		{ 0xff3b, 0xff40 }, { 0xff5b, 0xff65 }, { 0x1f000, 0x1faff },
	};
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	for (size_t i = 0; i < sizeof separators / sizeof separators[0]; i++)
		if (cp >= separators[i][0] && cp <= separators[i][1])
			return 0;
	return 1;
}

/* How many word characters end the n bytes at s (0 when it ends in punctuation). */
static size_t
last_word_chars(const char *s, size_t n)
{
	size_t words = 0, len;
	for (size_t i = 0; i < n; i += len)
		words = word_char(code_point((const unsigned char *)s + i, &len)) ? words + 1 : 0;
	return words;
}

static int
is_operator(const char *s, size_t n)
{
	static const char *const ops[] = { "AND", "OR", "NOT", "NEAR" };
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strlen(ops[i]) == n && memcmp(ops[i], s, n) == 0)
			return 1;
	return 0;
}

static int
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next term of *p: a "quoted phrase" or a run without spaces; NULL at the end. */
static const char *
next_term(const char **p, size_t *n, int *phrase)
{
	const char *s = *p;
	while (space(*s))
		s++;
	if (*s == '\0')
		return NULL;
	*phrase = *s == '"';
	const char *start = s + *phrase, *end = start;
	if (*phrase) {
		while (*end && *end != '"')
			end++;
		*p = *end ? end + 1 : end;
	} else {
		while (*end && !space(*end))
			end++;
		*p = end;
	}
	*n = (size_t)(end - start);
	return start;
}

char *
search_fts_query(struct arena *a, const char *typed)
{
	struct buf q = { 0 };
	const char *p = typed, *t;
	size_t n, terms = 0, last_words = 0;
	int phrase = 0;
	while (terms < SEARCH_MAX_TERMS && (t = next_term(&p, &n, &phrase)) != NULL) {
		size_t words = 0, len;
		for (size_t i = 0; i < n; i += len)
			words += word_char(code_point((const unsigned char *)t + i, &len));
		if (words == 0 || (!phrase && is_operator(t, n)))
			continue;
		buf_adds(&q, terms++ ? " AND \"" : "\"");
		for (size_t i = 0; i < n; i++)
			buf_add(&q, t[i] == '"' ? "\"\"" : t + i, t[i] == '"' ? 2 : 1);
		buf_adds(&q, "\"");
		last_words = phrase ? 0 : last_word_chars(t, n);
	}
	/* One or two letters as a prefix would match most of the index, at the cost of all of it. */
	if (last_words >= 3)
		buf_adds(&q, "*");
	char *out = terms ? arena_strdup(a, buf_str(&q)) : NULL;
	buf_free(&q);
	return out;
}

char *
search_as_typed(struct arena *a, const char *match)
{
	size_t n = strlen(match);
	return n && match[n - 1] == '*' ? arena_strndup(a, match, n - 1) : NULL;
}

size_t
search_split(struct arena *a, const char *marked, struct search_part **parts)
{
	size_t n = 0, cap = 0;
	int in_mark = 0;
	*parts = NULL;
	for (const char *s = marked; *s;) {
		size_t len = strcspn(s, SEARCH_MARK_OPEN SEARCH_MARK_CLOSE);
		if (len) {
			struct search_part *part = arena_push(a, parts, &n, &cap, sizeof **parts);
			part->text = arena_strndup(a, s, len);
			part->marked = in_mark;
			s += len;
		}
		if (*s) {
			in_mark = *s == SEARCH_MARK_OPEN[0];
			s++;
		}
	}
	return n;
}

int
search_marked(struct db *db, struct arena *a, const char *match, const long *ids, size_t n,
    struct search_marked *m)
{
	memset(m, 0, n * sizeof *m);
	if (n == 0)
		return 0;
	struct buf list = { 0 };
	long lo = ids[0], hi = ids[0];
	for (size_t i = 0; i < n; i++) {
		buf_addf(&list, "%s%ld", i ? "," : "[", ids[i]);
		lo = ids[i] < lo ? ids[i] : lo;
		hi = ids[i] > hi ? ids[i] : hi;
	}
	buf_adds(&list, "]");
	size_t len = strlen(match);
	sqlite3_stmt *st = db_stmt(db, len && match[len - 1] == '*' ? SQL_MARKED_PREFIX : SQL_MARKED);
	if (st == NULL) {
		buf_free(&list);
		return -1;
	}
	db_bind_str(st, 1, match);
	db_bind_int(st, 2, lo);
	db_bind_int(st, 3, hi);
	db_bind_str(st, 4, buf_str(&list));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long id = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < n; i++)
			if (ids[i] == id) {
				m[i].title = db_col_str(a, st, 1);
				m[i].event = db_col_str(a, st, 2);
				m[i].summary = db_col_str(a, st, 3);
				m[i].body = db_col_str(a, st, 4);
			}
	}
	sqlite3_reset(st);
	buf_free(&list);
	return rc == SQLITE_DONE ? 0 : -1;
}
