/* admin_review: the review queue, its Atom feed for feed readers, and the waiting count scripts poll. */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "screens.h"
#include "page.h"
#include "review.h"
#include "timefmt.h"
#include "workflow.h"

static void
fill_queue(struct ctx *c, view_dict *d, const struct queue_item *q, size_t n, long me)
{
	for (size_t i = 0; i < n; i++) {
		view_dict *r = view_add_section(d, "ITEMS");
		view_set_int(r, "ID", q[i].id);
		view_set(r, "TITLE", q[i].title);
		view_set(r, "STATUS", q[i].status);
		view_set(r, "STATUS_LABEL", q[i].flagged ? "Published without review" : wf_status_label(q[i].status));
		view_set(r, "AUTHOR", q[i].author);
		view_set(r, "UPDATED", time_long_datetime(c->a, q[i].updated_at));
		view_set(r, "UPDATED_ISO", q[i].updated_at);
		if (q[i].edition)
			view_show(r, "EDITION");
		if (q[i].author_id == me || q[i].submitted_by == me)
			view_show(r, "OWN");
	}
}

static int
queue_page(struct ctx *c, int status, const char *feed_url)
{
	struct queue_item *q;
	size_t n;
	if (review_queue(c->db, c->a, &q, &n) != 0)
		return page_error(c, 500, "the review queue");
	view_dict *d = page_begin(c, "review.tpl", "Review queue");
	/* The rows go in the table's section so an empty queue shows no empty table. */
	fill_queue(c, n ? view_add_section(d, "HAS_ITEMS") : d, q, n, c->me.id);
	if (n == 0)
		view_show(d, "EMPTY");
	if (feed_url)
		view_set(view_add_section(d, "FEED_URL"), "URL", feed_url);
	return page_end(c, status);
}

/* 200 with what waits for review. */
int
admin_review(struct ctx *c)
{
	return queue_page(c, 200, NULL);
}

/* 200 with the queue and a new feed address, shown once; the old address stops working. */
int
admin_review_feed_token(struct ctx *c)
{
	char *token = random_hex(c->a, 32);
	if (review_set_feed_token(c->db, c->me.id, token_hash(c->a, token)) != 0)
		return page_error(c, 500, "saving a feed token");
	return queue_page(c, 200, arena_printf(c->a, "%s/admin/review.atom?token=%s", c->cfg->base_url, token));
}

/* 200 with the queue as Atom for the editor the token belongs to; 404 for any other token
 * (a feed reader cannot log in, so the token is the login). */
int
admin_review_feed(struct ctx *c)
{
	const char *token = fields_get(&c->query, "token");
	long me = token && strlen(token) == 64 ? review_feed_user(c->db, token_hash(c->a, token)) : 0;
	if (me == 0)
		return page_error(c, 404, NULL);
	struct queue_item *q;
	size_t n;
	if (review_queue(c->db, c->a, &q, &n) != 0)
		return page_error(c, 500, "the review feed");
	view_dict *d = view_dict_new("feed");
	view_set(d, "SITE_NAME", c->cfg->site_name);
	view_set(d, "BASE_URL", c->cfg->base_url);
	view_set(d, "UPDATED", n ? q[n - 1].updated_at : time_now_iso(c->a));
	fill_queue(c, d, q, n, me);
	size_t len;
	char *xml = view_expand("review.atom.tpl", d, &len);
	view_dict_free(d);
	if (xml == NULL)
		return page_error(c, 500, "expanding the review feed");
	buf_add(&c->body, xml, len);
	free(xml);
	c->status = 200;
	c->content_type = "application/atom+xml; charset=utf-8";
	return 200;
}

/* 200 with {"waiting": N}: what the dashboard's script shows without a reload. */
int
admin_counts(struct ctx *c)
{
	long n = review_waiting(c->db, c->me.id, c->me.role >= ROLE_EDITOR);
	if (n < 0)
		return page_error(c, 500, "counting what waits");
	buf_addf(&c->body, "{\"waiting\": %ld}\n", n);
	c->status = 200;
	c->content_type = "application/json; charset=utf-8";
	return 200;
}
