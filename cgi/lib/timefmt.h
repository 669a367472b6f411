/* timefmt: UTC timestamps for storage and the long dates readers expect, in the office's zone. */
#ifndef PRESSROOM_TIMEFMT_H
#define PRESSROOM_TIMEFMT_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

void  time_zone_set(const char *zone);
char *time_now_iso(struct arena *a);                         /* 2025-02-24T02:00:00Z */
int   time_parse_iso(const char *iso, time_t *out);
/* "24 February 2025" in the office's zone, from a stored UTC time. */
char *time_long_date(struct arena *a, const char *iso);
/* The same in a language: lang "ms" writes "24 Februari 2025"; any other tag, English. */
char *time_long_date_in(struct arena *a, const char *iso, const char *lang);
/* "18-19 February 2025", "28 February - 2 March 2025", "30 December 2024 - 2 January 2025". */
char *date_range(struct arena *a, const char *starts_on, const char *ends_on);
/* The same in a language: "18-19 Februari 2025" for "ms". */
char *date_range_in(struct arena *a, const char *starts_on, const char *ends_on, const char *lang);
/* Year and month of a stored UTC time in the office's zone, for release URLs. */
int   time_year_month(const char *iso, int *year, int *month);
/* "1 March 2025, 10:00" in the office's zone. */
char *time_long_datetime(struct arena *a, const char *iso);
/* A datetime-local form value ("2025-03-01T10:00", office zone) as a stored UTC time; NULL if invalid. */
char *time_from_local_input(struct arena *a, const char *local);
/* The other way, to put a stored time back into a datetime-local field. */
char *time_to_local_input(struct arena *a, const char *iso);
/* Today in the office's zone as events' dates are written ("2025-02-18"): what is upcoming. */
char *time_office_today(struct arena *a);

#endif
