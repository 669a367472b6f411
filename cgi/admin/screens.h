/* screens: every staff screen handler, by file; each returns the HTTP status it answered with. */
#ifndef PRESSROOM_SCREENS_H
#define PRESSROOM_SCREENS_H

#include "ctx.h"

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
int admin_release_media(struct ctx *c);
int admin_release_still_current(struct ctx *c);   /* admin_workflow.c */
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

#endif
