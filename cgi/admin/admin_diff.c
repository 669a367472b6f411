/* admin_diff: /admin/releases/ID/diff?from=A&to=B, what changed between two saved versions, line by line. */
#include "admin_history.h"
#include "admin_release.h"
#include "diff.h"
#include "screens.h"
#include "page.h"
#include "timefmt.h"
#include "valid.h"

#define CONTEXT 3      /* unchanged lines kept on each side of a change; longer runs are folded */

static const struct rule diff_rules[] = {
	{ "from", "From version", V_INT, 1, 1, 1L << 53, NULL },
	{ "to",   "To version",   V_INT, 1, 1, 1L << 53, NULL },
};

static void
add_line(view_dict *sec, const struct diff_line *l)
{
	static const char *const kinds[] = { [DIFF_SAME] = "SAME", [DIFF_DEL] = "DEL", [DIFF_INS] = "INS" };
	view_dict *row = view_add_section(sec, "LINE");
	view_set(view_add_section(row, kinds[l->op]), "TEXT", l->text);
}

/* Every change, with CONTEXT unchanged lines around it; the rest of a run of unchanged lines
 * becomes one "N unchanged lines not shown" row, so a one-word edit in a long body stays short. */
static void
add_lines(view_dict *sec, const struct diff *df)
{
	for (size_t i = 0; i < df->n;) {
		size_t j = i;
		while (j < df->n && df->line[j].op == DIFF_SAME)
			j++;
		if (j == i) {
			add_line(sec, &df->line[i++]);
			continue;
		}
		size_t head = i == 0 ? 0 : CONTEXT, tail = j == df->n ? 0 : CONTEXT;
		if (j - i <= head + tail + 1)
			head = j - i, tail = 0;
		for (size_t k = i; k < i + head; k++)
			add_line(sec, &df->line[k]);
		if (j - i > head + tail)
			view_set_int(view_add_section(view_add_section(sec, "LINE"), "SKIP"), "COUNT",
			    (long)(j - i - head - tail));
		for (size_t k = j - tail; k < j; k++)
			add_line(sec, &df->line[k]);
		i = j;
	}
}

static void
add_field(struct ctx *c, view_dict *d, const char *key, const char *name, const char *from, const char *to)
{
	struct diff df;
	diff_lines(c->a, from, to, &df);
	view_dict *f = view_add_section(d, "FIELDS");
	view_set(f, "KEY", key);
	view_set(f, "NAME", name);
	if (df.added + df.removed == 0) {
		view_show(f, "UNCHANGED");
		return;
	}
	view_dict *ch = view_add_section(f, "CHANGED");
	view_set_int(ch, "ADDED", (long)df.added);
	view_set_int(ch, "REMOVED", (long)df.removed);
	if (df.replaced)
		view_show(ch, "REPLACED");
	add_lines(ch, &df);
}

static void
saved(struct ctx *c, view_dict *d, const char *prefix, const struct revision *v)
{
	view_set(d, arena_printf(c->a, "%s_BY", prefix), v->saved_by_name);
	view_set(d, arena_printf(c->a, "%s_AT", prefix), time_long_datetime(c->a, v->saved_at));
	view_set(d, arena_printf(c->a, "%s_AT_ISO", prefix), v->saved_at);
}

static const char *
event_text(const struct revision *v)
{
	return v->event_title ? v->event_title : "No event";
}

/* 200 with the changes to title, summary, event and body; 400 when from or to is missing or not
 * a whole number; 404 for a release this person may not see, or a version it does not have;
 * 500 on a database error. */
int
admin_diff(struct ctx *c)
{
	struct release r;
	int rc = admin_release_load(c, &r);
	if (rc)
		return page_error(c, rc, NULL);
	struct checked ck;
	checked_init(c->a, &ck, 2);
	check_fields(c->a, diff_rules, 2, &c->query, 0, &ck);
	if (ck.nerrors)
		return page_error(c, 400, "Both versions to compare (from and to) must be version numbers.");
	struct revision a, b, *vs;
	size_t n;
	int fa = revision_get(c->db, c->a, r.id, ck.num[0], &a);
	int fb = revision_get(c->db, c->a, r.id, ck.num[1], &b);
	if (fa < 0 || fb < 0 || revision_list(c->db, c->a, r.id, &vs, &n) != 0)
		return page_error(c, 500, "reading revisions");
	if (fa == 0 || fb == 0)
		return page_error(c, 404, "This release has no version by that number.");
	view_dict *d = page_begin(c, "diff.tpl", arena_printf(c->a, "Changes: %s", r.title));
	view_set(d, "TITLE", r.title);
	view_set_int(d, "ID", r.id);
	view_set_int(d, "FROM", a.version);
	view_set_int(d, "TO", b.version);
	saved(c, d, "FROM", &a);
	saved(c, d, "TO", &b);
	add_field(c, d, "title", "Title", a.title, b.title);
	add_field(c, d, "summary", "Summary", a.summary, b.summary);
	add_field(c, d, "event", "Event", event_text(&a), event_text(&b));
	add_field(c, d, "body", "Body", a.body, b.body);
	history_compare_form(d, r.id, vs, n, a.version, b.version);
	return page_end(c, 200);
}
