/* media_view: a release's photographs and attachments on its page, and served to staff and previews. */
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "media_view.h"
#include "page.h"

const char *
media_size_text(struct arena *a, long bytes)
{
	if (bytes < 1000)
		return arena_printf(a, "%ld bytes", bytes);
	if (bytes < 1000 * 1000)
		return arena_printf(a, "%ld KB", (bytes + 500) / 1000);
	return arena_printf(a, "%.1f MB", (double)bytes / 1e6);
}

const char *
photo_url(struct arena *a, const char *prefix, const struct photo *p, long w, const char *format)
{
	return arena_printf(a, "%s%s-%ld.%s", prefix, p->hash, w, format);
}

long
photo_widest(const struct photo *p)
{
	const char *last = strrchr(p->widths, ' ');
	return strtol(last ? last + 1 : p->widths, NULL, 10);
}

/* "…-480.webp 480w, …-960.webp 960w": every width of one format. */
static const char *
srcset(struct arena *a, const char *prefix, const struct photo *p, const char *format)
{
	const char *set = "";
	for (const char *w = p->widths; *w; ) {
		char *end;
		long width = strtol(w, &end, 10);
		if (end == w)
			break;
		set = arena_printf(a, "%s%s%s %ldw", set, *set ? ", " : "", photo_url(a, prefix, p, width, format), width);
		w = end + strspn(end, " ");
	}
	return set;
}

static void
photo_view(struct ctx *c, view_dict *s, const char *prefix, const struct photo *p)
{
	long widest = photo_widest(p);
	/* The plain src: the middle size when there is one, so an old browser fetches little. */
	long plain = widest > 960 && strstr(p->widths, "960") ? 960 : widest;
	view_set(s, "SRC", photo_url(c->a, prefix, p, plain, "jpg"));
	view_set(s, "SRCSET_JPEG", srcset(c->a, prefix, p, "jpg"));
	view_set(s, "SRCSET_WEBP", srcset(c->a, prefix, p, "webp"));
	view_set(s, "SIZES", "(min-width: 50rem) 46rem, 100vw");
	view_set_int(s, "WIDTH", p->width);
	view_set_int(s, "HEIGHT", p->height);
	view_set(s, "ALT", p->alt);
	if (*p->caption || *p->credit) {
		view_dict *f = view_add_section(s, "FIGCAPTION");
		view_set(f, "CAPTION", p->caption);
		if (*p->credit)
			view_set(view_add_section(f, "CREDIT"), "TEXT", p->credit);
	}
}

int
media_view(struct ctx *c, view_dict *d, long release_id, const char *prefix)
{
	struct photo *ps;
	struct attachment *ts;
	size_t np, nt;
	if (photo_list(c->db, c->a, release_id, &ps, &np) != 0 || attachment_list(c->db, c->a, release_id, &ts, &nt) != 0)
		return -1;
	for (size_t i = 0; i < np; i++)
		photo_view(c, view_add_section(d, i == 0 ? "LEAD_PHOTO" : "PHOTOS"), prefix, &ps[i]);
	if (nt)
		view_show(d, "HAS_ATTACHMENTS");
	for (size_t i = 0; i < nt; i++) {
		const struct attachment *t = &ts[i];
		view_dict *s = view_add_section(d, "ATTACHMENTS");
		view_set(s, "TITLE", t->title);
		view_set(s, "URL", arena_printf(c->a, "%s%s-%s", prefix, t->hash, t->file_name));
		view_set(s, "TYPE", "PDF");
		view_set(s, "SIZE", media_size_text(c->a, t->bytes));
		view_set_int(s, "PAGES", t->pages);
		view_set(s, "PAGES_WORD", t->pages == 1 ? "page" : "pages");
		view_set(s, "THUMB", arena_printf(c->a, "%s%s-thumb.jpg", prefix, t->hash));
		view_set(s, "THUMB_WEBP", arena_printf(c->a, "%s%s-thumb.webp", prefix, t->hash));
		view_set_int(s, "THUMB_WIDTH", t->thumb_width);
		view_set_int(s, "THUMB_HEIGHT", t->thumb_height);
	}
	return 0;
}

static const char *
type_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (dot && strcmp(dot, ".jpg") == 0)
		return "image/jpeg";
	if (dot && strcmp(dot, ".webp") == 0)
		return "image/webp";
	return "application/pdf";
}

int
media_serve(struct ctx *c, long release_id, const char *name)
{
	int mine = media_in_release(c->db, c->a, release_id, name);
	if (mine < 0)
		return page_error(c, 500, "looking up a release's file");
	char *data;
	size_t len;
	int found = mine ? files_read(c->cfg, c->a, name, &data, &len) : 0;
	if (found <= 0)
		return page_error(c, found < 0 ? 500 : 404, found < 0 ? "reading a stored file" : NULL);
	c->content_type = type_of(name);
	if (strcmp(c->content_type, "application/pdf") == 0)
		/* The name after the hash: letters, digits, hyphens and .pdf, safe in quotes. */
		ctx_header(c, "Content-Disposition", arena_printf(c->a, "inline; filename=\"%s\"", name + MEDIA_HASH_LEN + 1));
	buf_reset(&c->body);
	buf_add(&c->body, data, len);
	c->status = 200;
	return 200;
}
