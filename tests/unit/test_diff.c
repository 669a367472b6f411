/* test_diff: the line diff behind the revision history's diff view (cgi/lib/diff.h). */
#include <string.h>
#include <time.h>

#include "buf.h"
#include "diff.h"
#include "unit.h"

static struct arena a;

/* The diff as one string: each line prefixed "=", "-" or "+", joined with '|'. */
static const char *
render(const struct diff *d)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < d->n; i++) {
		if (i)
			buf_adds(&b, "|");
		buf_adds(&b, d->line[i].op == DIFF_SAME ? "=" : d->line[i].op == DIFF_DEL ? "-" : "+");
		buf_adds(&b, d->line[i].text);
	}
	char *s = arena_strdup(&a, b.len ? buf_str(&b) : "");
	buf_free(&b);
	return s;
}

/* One side of the diff, its lines joined with sep: the old text (keep DIFF_DEL) or the new (keep DIFF_INS). */
static const char *
side(const struct diff *d, enum diff_op keep, const char *sep)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < d->n; i++) {
		if (d->line[i].op != DIFF_SAME && d->line[i].op != keep)
			continue;
		if (b.len)
			buf_adds(&b, sep);
		buf_adds(&b, d->line[i].text);
	}
	char *s = arena_strdup(&a, b.len ? buf_str(&b) : "");
	buf_free(&b);
	return s;
}

static const char *
diff_of(const char *from, const char *to, struct diff *d)
{
	diff_lines(&a, from, to, d);
	return render(d);
}

static void
test_small(void)
{
	struct diff d;
	CHECK_STR(diff_of("a\nb\nc", "a\nb\nc", &d), "=a|=b|=c", "identical texts: every line unchanged");
	CHECK(d.added == 0 && d.removed == 0 && !d.replaced, "identical texts: nothing added or removed");
	CHECK_STR(diff_of("a\nc", "a\nb\nc", &d), "=a|+b|=c", "a line inserted in the middle");
	CHECK(d.added == 1 && d.removed == 0, "an insertion counts one line added");
	CHECK_STR(diff_of("a\nb\nc", "a\nc", &d), "=a|-b|=c", "a line deleted from the middle");
	CHECK(d.added == 0 && d.removed == 1, "a deletion counts one line removed");
	CHECK_STR(diff_of("a\nb\nc", "a\nB\nc", &d), "=a|-b|+B|=c", "a changed line: the old removed, then the new added");
	CHECK_STR(diff_of("x\na\nb", "a\nb\ny", &d), "-x|=a|=b|+y", "a line gone at the head, one new at the tail");
	diff_of("a\nb\nc\nd", "b\na\nd\nc", &d);
	CHECK(d.added == 2 && d.removed == 2 && !d.replaced, "swapped pairs: two lines each way, two kept");
	CHECK_STR(side(&d, DIFF_DEL, "|"), "a|b|c|d", "swapped pairs: the script's old side is the old text");
	CHECK_STR(side(&d, DIFF_INS, "|"), "b|a|d|c", "swapped pairs: the script's new side is the new text");
}

static void
test_empty(void)
{
	struct diff d;
	CHECK_STR(diff_of("", "", &d), "", "two empty texts: no lines");
	CHECK(d.n == 0, "two empty texts: n is 0");
	CHECK_STR(diff_of(NULL, "a\nb", &d), "+a|+b", "from nothing: every line added");
	CHECK(!d.replaced, "from nothing is an insertion, not a replacement");
	CHECK_STR(diff_of("a\nb", "", &d), "-a|-b", "to nothing: every line removed");
	CHECK_STR(diff_of("a\n\nb", "a\nb", &d), "=a|-|=b", "a removed blank line is a line of its own");
}

static void
test_line_ends(void)
{
	struct diff d;
	CHECK_STR(diff_of("a\nb\n", "a\nb", &d), "=a|=b", "a final newline does not make a line");
	CHECK_STR(diff_of("a\r\nb\r\n", "a\nb", &d), "=a|=b", "\\r\\n and \\n ends compare equal");
	CHECK_STR(diff_of("one line", "one line!", &d), "-one line|+one line!", "a text without newlines is one line");
}

/* Longest common subsequence of two strings of one-letter lines, by the textbook table. */
static size_t
lcs(const char *x, const char *y)
{
	size_t n = strlen(x), m = strlen(y), t[13][13] = { { 0 } };
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++)
			t[i][j] = x[i - 1] == y[j - 1] ? t[i - 1][j - 1] + 1
			    : (t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1]);
	return t[n][m];
}

static unsigned
next_random(unsigned *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return *seed >> 16;
}

/* Up to 12 random letters from a, b, c into letters, and the same as lines into text. */
static void
random_lines(unsigned *seed, char letters[13], char text[26])
{
	size_t n = next_random(seed) % 13;
	for (size_t i = 0; i < n; i++) {
		letters[i] = (char)('a' + next_random(seed) % 3);
		text[2 * i] = letters[i];
		text[2 * i + 1] = '\n';
	}
	letters[n] = '\0';
	text[2 * n] = '\0';
}

/* Random texts of up to 12 lines from 3 letters: each script rebuilds both sides and is minimal. */
static void
test_random(void)
{
	unsigned seed = 12345;
	int bad = 0;
	for (int round = 0; round < 2000 && !bad; round++) {
		char x[13], y[13], xs[26], ys[26];
		random_lines(&seed, x, xs);
		random_lines(&seed, y, ys);
		struct diff d;
		diff_lines(&a, xs, ys, &d);
		size_t kept = d.n - d.added - d.removed;
		bad = strcmp(side(&d, DIFF_DEL, ""), x) != 0 || strcmp(side(&d, DIFF_INS, ""), y) != 0 ||
		    kept != lcs(x, y) || d.replaced;
		if (bad)
			fprintf(stderr, "#   round %d: %s -> %s kept %zu, lcs %zu\n", round, x, y, kept, lcs(x, y));
	}
	CHECK(!bad, "2,000 random pairs: each script rebuilds both texts and keeps a longest common subsequence");
}

/* n numbered lines, with line `change` (when >= 0) written differently. */
static char *
numbered(long n, long change, const char *prefix)
{
	struct buf b = { 0 };
	for (long i = 0; i < n; i++)
		buf_addf(&b, "%s%s line %ld\n", i == change ? "changed " : "", prefix, i);
	char *s = arena_strdup(&a, buf_str(&b));
	buf_free(&b);
	return s;
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
test_large(void)
{
	struct diff d;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	diff_lines(&a, numbered(50000, 25000, "same"), numbered(50000, -1, "same"), &d);
	CHECK(d.added == 1 && d.removed == 1 && !d.replaced && d.n == 50001,
	    "50,000 lines with one changed: one line each way, lined up (%zu+ %zu-, n %zu)", d.added, d.removed, d.n);

	diff_lines(&a, numbered(50000, -1, "old"), numbered(50000, -1, "new"), &d);
	CHECK(d.replaced && d.removed == 50000 && d.added == 50000 && d.n == 100000,
	    "50,000 lines all different: shown as replaced, every line out and in");

	/* Every other line changed: 4,000 edits in 4,000 lines is beyond the bound. */
	struct buf x = { 0 }, y = { 0 };
	for (int i = 0; i < 2000; i++) {
		buf_addf(&x, "keep %d\nold %d\n", i, i);
		buf_addf(&y, "keep %d\nnew %d\n", i, i);
	}
	diff_lines(&a, buf_str(&x), buf_str(&y), &d);
	CHECK(d.replaced && d.added == 3999 && d.removed == 3999 && d.line[0].op == DIFF_SAME,
	    "more edits than the bound: the middle replaced, the common first line kept");
	buf_free(&x);
	buf_free(&y);
	double s = seconds_since(&t0);
	CHECK(s < 5.0, "the large diffs together take well under the bound's budget (%.2f s)", s);
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "diff");
	test_small();
	test_empty();
	test_line_ends();
	test_random();
	test_large();
	arena_free(&a);
	return unit_end();
}
