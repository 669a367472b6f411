/* diff: Myers' greedy line diff, after cutting the common head and tail, with a bound on its search. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

struct lines {
	const char **text;
	size_t      *len;
	uint64_t    *hash;     /* compared first, so most unequal lines cost one comparison */
	long         n;
};

static uint64_t
fnv1a(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* A final newline ends the last line rather than starting an empty one, and a \r before a
 * newline is dropped: a textarea sends \r\n, so a resaved text must not differ everywhere. */
static void
split(struct arena *a, const char *s, struct lines *l)
{
	if (s == NULL)
		s = "";
	size_t len = strlen(s);
	long n = len && s[len - 1] != '\n';
	for (const char *p = s; *p; p++)
		n += *p == '\n';
	l->n = n;
	l->text = arena_alloc(a, (size_t)(n + 1) * sizeof *l->text);
	l->len = arena_alloc(a, (size_t)(n + 1) * sizeof *l->len);
	l->hash = arena_alloc(a, (size_t)(n + 1) * sizeof *l->hash);
	for (long i = 0; i < n; i++) {
		size_t end = strcspn(s, "\n");
		size_t keep = end && s[end - 1] == '\r' ? end - 1 : end;
		l->text[i] = arena_strndup(a, s, keep);
		l->len[i] = keep;
		l->hash[i] = fnv1a(s, keep);
		s += end + (s[end] == '\n');
	}
}

static int
same(const struct lines *x, long i, const struct lines *y, long j)
{
	return x->hash[i] == y->hash[j] && x->len[i] == y->len[j] &&
	    memcmp(x->text[i], y->text[j], x->len[i]) == 0;
}

static void
put(struct diff *d, size_t at, enum diff_op op, const char *text)
{
	d->line[at].op = op;
	d->line[at].text = text;
	d->added += op == DIFF_INS;
	d->removed += op == DIFF_DEL;
}

static void
append(struct diff *d, enum diff_op op, const struct lines *l, long from, long to)
{
	for (long i = from; i < to; i++)
		put(d, d->n++, op, l->text[i]);
}

/* Walks the saved rounds back from (n, m), writing the script backwards into its place. */
static void
backtrack(struct diff *out, const int *trace, long d, const struct lines *A, const struct lines *B,
    long off, long n, long m)
{
	long x = n, y = m;
	size_t pos = out->n + (size_t)((n + m + d) / 2);   /* unchanged lines plus edits */
	size_t end = pos;
	for (long e = d; e > 0; e--) {
		const int *v = trace + (e - 1) * (e - 1) + (e - 1);   /* round e-1, indexed by k */
		long k = x - y;
		long pk = (k == -e || (k != e && v[k - 1] < v[k + 1])) ? k + 1 : k - 1;
		long px = v[pk], py = px - pk;
		for (; x > px && y > py; x--, y--)
			put(out, --pos, DIFF_SAME, A->text[off + x - 1]);
		if (pk == k + 1)
			put(out, --pos, DIFF_INS, B->text[off + --y]);
		else
			put(out, --pos, DIFF_DEL, A->text[off + --x]);
	}
	for (; x > 0 && y > 0; x--, y--)
		put(out, --pos, DIFF_SAME, A->text[off + x - 1]);
	out->n = end;
}

/* The shortest edit script of the n and m lines from off on: 1, or 0 when finding it would
 * take more edits than the work bound allows for this many lines. */
static int
myers(struct diff *out, const struct lines *A, const struct lines *B, long off, long n, long m)
{
	long limit = DIFF_MAX_WORK / (n + m);
	if (limit > DIFF_MAX_EDITS)
		limit = DIFF_MAX_EDITS;
	if (limit > n + m)
		limit = n + m;
	/* Round d keeps its 2d+1 diagonals at trace[d*d ...]: (limit+1)^2 ints in all. */
	int *trace = xmalloc((size_t)(limit + 1) * (size_t)(limit + 1) * sizeof *trace);
	int *vbuf = xmalloc((size_t)(2 * limit + 3) * sizeof *vbuf);
	int *v = vbuf + limit + 1;
	v[1] = 0;
	int found = 0;
	for (long d = 0; d <= limit && !found; d++) {
		for (long k = -d; k <= d; k += 2) {
			long x = (k == -d || (k != d && v[k - 1] < v[k + 1])) ? v[k + 1] : v[k - 1] + 1;
			long y = x - k;
			while (x < n && y < m && same(A, off + x, B, off + y))
				x++, y++;
			v[k] = (int)x;
			if (x >= n && y >= m) {
				backtrack(out, trace, d, A, B, off, n, m);
				found = 1;
				break;
			}
		}
		memcpy(trace + d * d, v - d, (size_t)(2 * d + 1) * sizeof *v);
	}
	free(vbuf);
	free(trace);
	return found;
}

void
diff_lines(struct arena *a, const char *from, const char *to, struct diff *out)
{
	struct lines A, B;
	split(a, from, &A);
	split(a, to, &B);
	memset(out, 0, sizeof *out);
	out->line = arena_alloc(a, (size_t)(A.n + B.n + 1) * sizeof *out->line);
	long head = 0, tail = 0;
	while (head < A.n && head < B.n && same(&A, head, &B, head))
		head++;
	while (tail < A.n - head && tail < B.n - head && same(&A, A.n - 1 - tail, &B, B.n - 1 - tail))
		tail++;
	append(out, DIFF_SAME, &A, 0, head);
	long n = A.n - head - tail, m = B.n - head - tail;
	/* Beyond int range the search's arrays could not hold positions; nothing real gets there. */
	if (n == 0 || m == 0 || n + m > INT32_MAX / 2 || !myers(out, &A, &B, head, n, m)) {
		out->replaced = n && m;
		append(out, DIFF_DEL, &A, head, head + n);
		append(out, DIFF_INS, &B, head, head + m);
	}
	append(out, DIFF_SAME, &A, A.n - tail, A.n);
}
