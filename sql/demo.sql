-- Demo content: the Bangkok workshop of February 2025 as linked records, and the office's release about it.
-- Loaded by `pressroomctl demo`; the release's HTML is rendered from its Markdown by the loader.

INSERT INTO organizations(slug, name, short_name, kind, country, website) VALUES
  ('unodc', 'United Nations Office on Drugs and Crime', 'UNODC', 'un_agency', NULL, 'https://www.unodc.org/'),
  ('eu', 'European Union', 'EU', 'intergovernmental', NULL, 'https://european-union.europa.eu/'),
  ('agc', 'Attorney General''s Chambers', 'AGC', 'government', NULL, NULL),
  ('state-judiciary-department', 'State Judiciary Department', NULL, 'government', NULL, NULL);

INSERT INTO users(name, display_name, role, password_hash) VALUES
  ('press-office', 'Press Office', 'editor', '!');

INSERT INTO events(slug, title, kind, starts_on, ends_on, venue, city, country, participants, countries, summary)
VALUES ('regional-workshop-trafficking-forced-criminality-2025',
  'Regional Workshop on Criminal Justice Response to Trafficking in Persons for Forced Criminality in the Southeast Asia Region',
  'workshop', '2025-02-18', '2025-02-19', NULL, 'Bangkok', 'TH', 40, 9,
  'A two-day UNODC course for prosecutors, judges and other legal practitioners from Southeast Asia on prosecuting trafficking in persons for forced criminality, such as forced work in online scam operations.');

INSERT INTO sponsors(event_id, organization_id, role, position)
  SELECT e.id, o.id, 'organiser', 0 FROM events e, organizations o
  WHERE e.slug = 'regional-workshop-trafficking-forced-criminality-2025' AND o.slug = 'unodc';
INSERT INTO sponsors(event_id, organization_id, role, position)
  SELECT e.id, o.id, 'sponsor', 0 FROM events e, organizations o
  WHERE e.slug = 'regional-workshop-trafficking-forced-criminality-2025' AND o.slug = 'eu';

INSERT INTO delegations(event_id, organization_id, notes)
  SELECT e.id, o.id, 'Two judicial officers and two legal counsels.' FROM events e, organizations o
  WHERE e.slug = 'regional-workshop-trafficking-forced-criminality-2025' AND o.slug = 'agc';
INSERT INTO delegation_members(delegation_id, role_title, organization_id, count, position)
  SELECT d.id, 'judicial officer', o.id, 2, 0 FROM delegations d, organizations o
  WHERE d.event_id = (SELECT id FROM events WHERE slug = 'regional-workshop-trafficking-forced-criminality-2025')
  AND o.slug = 'state-judiciary-department';
INSERT INTO delegation_members(delegation_id, role_title, organization_id, count, position)
  SELECT d.id, 'legal counsel', o.id, 2, 1 FROM delegations d, organizations o
  WHERE d.event_id = (SELECT id FROM events WHERE slug = 'regional-workshop-trafficking-forced-criminality-2025')
  AND o.slug = 'agc';

INSERT INTO releases(slug, title, summary, body, status, event_id, author_id, created_at, updated_at, published_at)
SELECT 'chambers-joins-regional-workshop-on-trafficking-for-forced-criminality',
  'Chambers joins UNODC regional workshop on trafficking for forced criminality',
  'Two judicial officers and two legal counsels took part in a two-day UNODC workshop in Bangkok on the criminal justice response to trafficking in persons for forced criminality.',
  'Two judicial officers of the State Judiciary Department and two legal counsels of the Attorney General''s Chambers took part in a regional workshop in **Bangkok, Thailand**, on 18 and 19 February 2025.

The workshop was run by the United Nations Office on Drugs and Crime (UNODC) with support from the European Union. It looked at a form of trafficking that has grown quickly in Southeast Asia since 2020: people trafficked and then forced to commit crimes, most often in online scam operations.

## What the course covered

- How organised criminal groups working across borders traffic people for sexual exploitation, forced labour and, more and more, forced criminality.
- Legal analysis of such cases, and recommendations to make criminal justice systems respond better.
- Practice from several Southeast Asian countries, and the difficulties prosecutors meet in court.
- Using the evidence gathered in an investigation to secure convictions and to see that victims obtain justice.

About forty legal practitioners from nine countries attended. The course also set out to strengthen cooperation between countries, so that every form of exploitation meets a firmer response.',
  'published', e.id, u.id, '2025-02-24T01:30:00Z', '2025-02-24T01:30:00Z', '2025-02-24T02:00:00Z'
FROM events e, users u
WHERE e.slug = 'regional-workshop-trafficking-forced-criminality-2025' AND u.name = 'press-office';

INSERT INTO release_revisions(release_id, version, title, summary, body, event_id, status, saved_by, saved_at, change_note)
SELECT id, version, title, summary, body, event_id, status, author_id, updated_at, 'Demo content loaded'
FROM releases WHERE slug = 'chambers-joins-regional-workshop-on-trafficking-for-forced-criminality';
