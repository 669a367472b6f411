/* test_workflow: the second-pair-of-eyes rules in cgi/store/workflow.c, case by case. */
#include "unit.h"
#include "workflow.h"

#define AUTHOR 1
#define EDITOR 2
#define EDITOR2 3
#define ADMIN 4

static struct wf_subject
subject(const char *status, const char *live, long author, long submitter, long override_by, long last)
{
	return (struct wf_subject){ status, live, 0, author, submitter, override_by, last };
}

static int
may(long me, enum role role, struct wf_subject s, enum wf_action a)
{
	return wf_refusal(me, role, &s, a) == NULL;
}

static void
test_review(void)
{
	struct wf_subject draft = subject("draft", "draft", AUTHOR, 0, 0, AUTHOR);
	struct wf_subject submitted = subject("submitted", "submitted", AUTHOR, AUTHOR, 0, AUTHOR);
	struct wf_subject approved = subject("approved", "approved", AUTHOR, AUTHOR, 0, AUTHOR);
	CHECK(may(AUTHOR, ROLE_AUTHOR, draft, WF_SUBMIT), "the author submits their draft");
	CHECK(!may(5, ROLE_AUTHOR, draft, WF_SUBMIT), "another author may not submit it");
	CHECK(!may(AUTHOR, ROLE_AUTHOR, draft, WF_PUBLISH), "the author cannot publish alone");
	CHECK(!may(AUTHOR, ROLE_AUTHOR, submitted, WF_APPROVE), "the author cannot approve");
	CHECK(may(EDITOR, ROLE_EDITOR, submitted, WF_APPROVE), "an editor approves another's submission");
	CHECK(!may(EDITOR, ROLE_EDITOR, draft, WF_APPROVE), "a draft is not approved before it is submitted");
	CHECK(!may(EDITOR, ROLE_EDITOR, subject("submitted", "submitted", EDITOR, EDITOR, 0, EDITOR), WF_APPROVE),
	    "an editor may not approve their own submission");
	CHECK(!may(EDITOR, ROLE_EDITOR, subject("submitted", "submitted", AUTHOR, AUTHOR, 0, EDITOR), WF_APPROVE),
	    "an editor who saved the text under review may not approve it");
	CHECK(!may(EDITOR, ROLE_EDITOR, subject("submitted", "submitted", AUTHOR, EDITOR, 0, AUTHOR), WF_APPROVE),
	    "an editor who submitted someone's text may not approve it");
	CHECK(may(EDITOR, ROLE_EDITOR, submitted, WF_REQUEST_CHANGES), "an editor sends a submission back");
	CHECK(!may(EDITOR, ROLE_EDITOR, submitted, WF_PUBLISH), "a submission is not published before approval");
	CHECK(may(EDITOR, ROLE_EDITOR, approved, WF_PUBLISH), "an approved release is published by an editor");
	CHECK(!may(AUTHOR, ROLE_AUTHOR, approved, WF_PUBLISH), "an approved release is not published by its author");
	CHECK(!may(AUTHOR, ROLE_AUTHOR, submitted, WF_SAVE), "the author cannot edit it while it is reviewed");
	CHECK(may(AUTHOR, ROLE_AUTHOR, subject("changes_requested", "changes_requested", AUTHOR, AUTHOR, 0, AUTHOR),
	    WF_SAVE), "the author edits it again once it is sent back");
}

static void
test_override_and_after(void)
{
	struct wf_subject draft = subject("draft", "draft", AUTHOR, 0, 0, AUTHOR);
	struct wf_subject flagged = subject("published", "published", AUTHOR, 0, ADMIN, AUTHOR);
	struct wf_subject published = subject("published", "published", AUTHOR, AUTHOR, 0, AUTHOR);
	CHECK(may(ADMIN, ROLE_ADMIN, draft, WF_OVERRIDE), "an admin may publish a draft without review");
	CHECK(!may(EDITOR, ROLE_EDITOR, draft, WF_OVERRIDE), "an editor may not publish without review");
	CHECK(!may(ADMIN, ROLE_ADMIN, published, WF_OVERRIDE), "nothing to override on a published release");
	CHECK(!may(ADMIN, ROLE_ADMIN, subject("approved", "approved", AUTHOR, AUTHOR, 0, AUTHOR), WF_OVERRIDE),
	    "an approved release is published the ordinary way, not overridden");
	CHECK(!may(ADMIN, ROLE_ADMIN, subject("withdrawn", "withdrawn", AUTHOR, 0, 0, AUTHOR), WF_OVERRIDE),
	    "a withdrawn release is not brought back by an override");
	CHECK(may(EDITOR2, ROLE_EDITOR, flagged, WF_CONFIRM_OVERRIDE), "another editor looks at an override");
	CHECK(!may(ADMIN, ROLE_ADMIN, flagged, WF_CONFIRM_OVERRIDE), "the admin may not clear their own override");
	CHECK(!may(EDITOR2, ROLE_EDITOR, published, WF_CONFIRM_OVERRIDE), "no flag, nothing to confirm");
	CHECK(may(EDITOR, ROLE_EDITOR, published, WF_WITHDRAW), "an editor withdraws a published release");
	CHECK(!may(AUTHOR, ROLE_AUTHOR, published, WF_WITHDRAW), "an author may not withdraw");
	CHECK(!may(EDITOR, ROLE_EDITOR, draft, WF_WITHDRAW), "a draft cannot be withdrawn");
	CHECK(may(EDITOR, ROLE_EDITOR, subject("withdrawn", "withdrawn", AUTHOR, 0, 0, AUTHOR), WF_UNPUBLISH),
	    "a withdrawn release can be unpublished");
	CHECK(!may(EDITOR, ROLE_EDITOR, subject("unpublished", "unpublished", AUTHOR, 0, 0, AUTHOR), WF_SAVE),
	    "an unpublished release is no longer edited");
	CHECK(may(AUTHOR, ROLE_AUTHOR, published, WF_SAVE), "the author starts the next edition of their release");
	CHECK(may(AUTHOR, ROLE_AUTHOR, draft, WF_DELETE), "the author deletes their own draft");
	CHECK(!may(5, ROLE_AUTHOR, draft, WF_DELETE), "another author may not delete it");
	CHECK(!may(AUTHOR, ROLE_AUTHOR, subject("submitted", "submitted", AUTHOR, AUTHOR, 0, AUTHOR), WF_DELETE),
	    "the author may not delete it while it is reviewed");
	CHECK(!may(EDITOR, ROLE_EDITOR, published, WF_DELETE), "a published release is never deleted");
	CHECK(!may(ADMIN, ROLE_ADMIN, subject("withdrawn", "withdrawn", AUTHOR, 0, 0, AUTHOR), WF_DELETE),
	    "a withdrawn release is never deleted");
}

static void
test_names(void)
{
	CHECK(wf_action_from_name("request_changes") == WF_REQUEST_CHANGES, "action names parse");
	CHECK(wf_action_from_name("destroy") == WF_COUNT, "unknown action names are refused");
	CHECK(wf_action_from_name(NULL) == WF_COUNT, "a missing action name is refused");
	CHECK_STR(wf_status_label("submitted"), "Awaiting review", "status labels read as words");
	CHECK_STR(wf_next_status(WF_REQUEST_CHANGES), "changes_requested", "sending back requests changes");
}

int
main(int argc, char **argv)
{
	unit_start(argc, argv, "workflow");
	test_review();
	test_override_and_after();
	test_names();
	return unit_end();
}
