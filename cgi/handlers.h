/* handlers: every page handler, by file; each returns the HTTP status it answered with. */
#ifndef PRESSROOM_HANDLERS_H
#define PRESSROOM_HANDLERS_H

#include "ctx.h"

/* page_home.c */
int page_home(struct ctx *c);
/* page_search.c */
int page_search(struct ctx *c);
/* page_release.c */
int page_release(struct ctx *c);
/* page_event.c */
int page_event(struct ctx *c);
/* page_events.c */
int page_events(struct ctx *c);
/* page_orgs.c, page_org.c */
int page_orgs(struct ctx *c);
int page_org(struct ctx *c);
/* page_year.c */
int page_years(struct ctx *c);
int page_year(struct ctx *c);
int page_year_csv(struct ctx *c);
/* admin_login.c */
int admin_login_form(struct ctx *c);
int admin_login(struct ctx *c);
int admin_logout(struct ctx *c);
/* admin_dashboard.c */
int admin_dashboard(struct ctx *c);
/* admin_release.c */
int admin_release_new(struct ctx *c);
int admin_release_create(struct ctx *c);
int admin_release_edit(struct ctx *c);
int admin_release_update(struct ctx *c);
/* admin_review.c */
int admin_review(struct ctx *c);
int admin_review_feed_token(struct ctx *c);
int admin_review_feed(struct ctx *c);
int admin_counts(struct ctx *c);
/* admin_workflow.c */
int admin_release_workflow(struct ctx *c);
int admin_release_comment(struct ctx *c);
/* admin_history.c */
int admin_history(struct ctx *c);
int admin_restore(struct ctx *c);
int admin_restored(struct ctx *c);
/* admin_diff.c */
int admin_diff(struct ctx *c);
/* admin_preview.c */
int admin_preview(struct ctx *c);
int admin_preview_link_create(struct ctx *c);
int admin_preview_link_revoke(struct ctx *c);
/* page_preview.c */
int page_preview(struct ctx *c);
/* admin_account.c */
int admin_account(struct ctx *c);
int admin_account_password(struct ctx *c);
int admin_account_end_session(struct ctx *c);
int admin_account_end_others(struct ctx *c);
/* admin_users.c */
int admin_users(struct ctx *c);
int admin_user_create(struct ctx *c);
int admin_user_role(struct ctx *c);
int admin_user_disable(struct ctx *c);
int admin_user_enable(struct ctx *c);
int admin_user_password(struct ctx *c);
/* admin_audit.c */
int admin_audit(struct ctx *c);
/* feed.c */
int feed_atom_all(struct ctx *c);
int feed_atom_event(struct ctx *c);
int feed_atom_org(struct ctx *c);
int feed_sitemap(struct ctx *c);
int feed_robots(struct ctx *c);
/* ical.c */
int ical_event(struct ctx *c);
int ical_upcoming(struct ctx *c);
/* api.c */
int api_index(struct ctx *c);
int api_not_found(struct ctx *c);
int api_releases(struct ctx *c);
int api_release(struct ctx *c);
int api_events(struct ctx *c);
int api_event(struct ctx *c);
int api_orgs(struct ctx *c);
int api_org(struct ctx *c);
int api_delegations(struct ctx *c);

#endif
