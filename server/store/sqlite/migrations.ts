/**
 * SQLite schema migrations, applied in order; `PRAGMA user_version` records how many ran. Append
 * only: never edit a migration that has shipped, add the next one (and its PostgreSQL twin in
 * ../postgres/migrations.ts, so both backends hold the same data).
 */
import type { Db } from './database';
import { backfillLearnerSets } from './learner-sets';

/** A migration: SQL, or a step that needs code (a backfill), run in the same transaction. */
export type Migration = string | ((db: Db) => void);

export const migrations: readonly Migration[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  -- One row: the feed's monotonic sequence. Every item/app change takes the next value, so the
  -- feed is ordered by this counter and never by a clock.
  CREATE TABLE seq (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL) STRICT;
  INSERT INTO seq (id, value) VALUES (1, 0);
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('learner', 'author', 'reviewer', 'admin')),
    team TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT;
  CREATE TABLE items (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    teams TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    deleted INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE TABLE item_versions (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    author TEXT,
    PRIMARY KEY (id, version)
  ) STRICT;
  CREATE TABLE apps (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    deleted INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  `,
  `
  -- Governance. live_body is the copy learners see: it stays while a new draft of a published
  -- item is edited and reviewed, and only a publish (or archive) replaces it.
  ALTER TABLE items ADD COLUMN live_body TEXT;
  ALTER TABLE items ADD COLUMN live_teams TEXT;
  UPDATE items SET live_body = body, live_teams = teams WHERE status = 'published';
  -- Versions and the audit trail are history: the database itself refuses to rewrite them.
  CREATE TRIGGER item_versions_no_update BEFORE UPDATE ON item_versions
    BEGIN SELECT RAISE(ABORT, 'item_versions is append-only'); END;
  CREATE TRIGGER item_versions_no_delete BEFORE DELETE ON item_versions
    BEGIN SELECT RAISE(ABORT, 'item_versions is append-only'); END;
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    item_id TEXT,
    version INTEGER,
    comment TEXT
  ) STRICT;
  CREATE INDEX audit_log_item ON audit_log (item_id, id);
  CREATE INDEX audit_log_actor ON audit_log (actor, id);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  -- Counts only, aggregated: the extension reports that an anchor did not resolve, never the page.
  CREATE TABLE anchor_reports (
    item_id TEXT NOT NULL,
    app TEXT NOT NULL,
    screen TEXT NOT NULL,
    count INTEGER NOT NULL,
    last_at TEXT NOT NULL,
    PRIMARY KEY (item_id, app, screen)
  ) STRICT;
  `,
  `
  -- Templates authors start items from: seeded from content/templates/, changed by admins. Not in
  -- the feed (authors fetch them), so no seq; version counts the changes for the audit trail.
  CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT
  ) STRICT;
  `,
  `
  -- Who may get a tombstone: a learner is only told an item is gone if a published copy of it was
  -- once for everyone or for their team (ids carry titles; drafts must not leak). Filled from the
  -- published versions and the live copy.
  ALTER TABLE items ADD COLUMN seen_public INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE items ADD COLUMN seen_teams TEXT NOT NULL DEFAULT '[]';
  CREATE TEMP TABLE published_teams AS
    SELECT v.id AS id, json_extract(v.body, '$.targeting.teams') AS teams FROM item_versions v
      WHERE json_extract(v.body, '$.status') = 'published'
    UNION ALL
    SELECT id, live_teams FROM items WHERE live_teams IS NOT NULL;
  UPDATE items SET
    seen_public = EXISTS (SELECT 1 FROM published_teams p
      WHERE p.id = items.id AND json_array_length(p.teams) = 0),
    seen_teams = (SELECT json_group_array(team) FROM (
      SELECT DISTINCT t.value AS team FROM published_teams p, json_each(p.teams) t
        WHERE p.id = items.id ORDER BY t.value));
  DROP TABLE published_teams;
  `,
  `
  -- Issue 17: sign-in through the organisation's identity provider, SCIM provisioning, and
  -- acknowledged announcements. One step of its own, so it can be renumbered on a rebase.
  -- A user may now come from the IdP (oidc_issuer + oidc_subject) or from SCIM (scim_id, our id
  -- for the SCIM resource; user_name and external_id as the IdP sent them). Such a user has no
  -- opaque token: token_hash then holds 'none:' and a random id, which no token's SHA-256 (hex)
  -- can equal. active = 0: disabled (SCIM "active": false or deleted): no token of theirs works.
  ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE users ADD COLUMN scim_id TEXT;
  ALTER TABLE users ADD COLUMN user_name TEXT;
  ALTER TABLE users ADD COLUMN external_id TEXT;
  ALTER TABLE users ADD COLUMN display_name TEXT;
  ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
  ALTER TABLE users ADD COLUMN oidc_subject TEXT;
  ALTER TABLE users ADD COLUMN updated_at TEXT;
  CREATE UNIQUE INDEX users_scim_id ON users (scim_id);
  CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject);
  -- SCIM groups; a group's team and role come from the server's mapping (server/identity/).
  CREATE TABLE scim_groups (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    external_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE scim_members (
    group_id TEXT NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
  ) STRICT;
  CREATE INDEX scim_members_user ON scim_members (user_id);
  -- Who acknowledged an announcement, once each (the first time counts).
  CREATE TABLE acknowledgements (
    item_id TEXT NOT NULL,
    email TEXT NOT NULL COLLATE NOCASE,
    at TEXT NOT NULL,
    PRIMARY KEY (item_id, email)
  ) STRICT;
  `,
  `
  -- Insights (docs/privacy.md; server/insights/). Raw events, compact: slugs are ids in
  -- ins_names, the install id an id in ins_installs, the day a number of days since 1970, the
  -- fields positional text (server/insights/event-codec.ts). (install, seq) is the idempotency key.
  -- No user id: usage rows carry the sender's team only.
  CREATE TABLE ins_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
  CREATE TABLE ins_installs (
    id INTEGER PRIMARY KEY,
    install TEXT NOT NULL UNIQUE,
    last_day INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE ins_events (
    install INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    day INTEGER NOT NULL,
    type INTEGER NOT NULL,
    team INTEGER,
    f TEXT NOT NULL,
    query INTEGER,
    PRIMARY KEY (install, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX ins_events_day ON ins_events (day);
  CREATE INDEX ins_events_query ON ins_events (query) WHERE query IS NOT NULL;
  -- A failed search's words; peak: the most distinct people who typed them within 30 days.
  CREATE TABLE ins_queries (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    peak INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  -- Daily rollups (server/insights/rollups.ts describes each).
  CREATE TABLE ins_screen_day (
    day TEXT NOT NULL, app TEXT NOT NULL, screen TEXT NOT NULL,
    searches INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
    opened INTEGER NOT NULL DEFAULT 0, record_views INTEGER NOT NULL DEFAULT 0,
    record_views_help INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, app, screen)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_team_day (
    day TEXT NOT NULL, team TEXT NOT NULL,
    searches INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
    opened INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_item_day (
    day TEXT NOT NULL, item TEXT NOT NULL,
    shown INTEGER NOT NULL DEFAULT 0, opened INTEGER NOT NULL DEFAULT 0,
    opened_page INTEGER NOT NULL DEFAULT 0, reads INTEGER NOT NULL DEFAULT 0,
    helpful INTEGER NOT NULL DEFAULT 0, unhelpful INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, item)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_item_screen_day (
    day TEXT NOT NULL, app TEXT NOT NULL, screen TEXT NOT NULL, item TEXT NOT NULL,
    shown INTEGER NOT NULL DEFAULT 0, opened INTEGER NOT NULL DEFAULT 0,
    reads INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, app, screen, item)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_feedback_day (
    day TEXT NOT NULL, item TEXT NOT NULL, helpful INTEGER NOT NULL, reason TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, item, helpful, reason)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_tip_day (
    day TEXT NOT NULL, app TEXT NOT NULL, screen TEXT NOT NULL, tip TEXT NOT NULL,
    shown INTEGER NOT NULL DEFAULT 0, unresolved INTEGER NOT NULL DEFAULT 0,
    dismissed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, app, screen, tip)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_query_day (
    day TEXT NOT NULL, app TEXT NOT NULL, screen TEXT NOT NULL, query INTEGER NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, app, screen, query)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX ins_query_day_query ON ins_query_day (query);
  CREATE TABLE ins_lesson_day (
    day TEXT NOT NULL, team TEXT NOT NULL, lesson TEXT NOT NULL, step INTEGER NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team, lesson, step)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_lesson_done_day (
    day TEXT NOT NULL, team TEXT NOT NULL, lesson TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0, questions INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team, lesson)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_quiz_day (
    day TEXT NOT NULL, team TEXT NOT NULL, lesson TEXT NOT NULL, question TEXT NOT NULL,
    choice TEXT NOT NULL, first INTEGER NOT NULL,
    n INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team, lesson, question, choice, first)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_path_day (
    day TEXT NOT NULL, team TEXT NOT NULL, path TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team, path)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_service_day (
    day TEXT NOT NULL PRIMARY KEY, dropped INTEGER NOT NULL DEFAULT 0
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_people_week (
    week TEXT NOT NULL, team TEXT NOT NULL, scope TEXT NOT NULL,
    people INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (week, team, scope)
  ) STRICT, WITHOUT ROWID;
  -- Weekly salts and the person marks made with them: deleted together soon after the week.
  CREATE TABLE ins_salts (week TEXT PRIMARY KEY, salt TEXT NOT NULL) STRICT;
  CREATE TABLE ins_marks (
    week TEXT NOT NULL, scope TEXT NOT NULL, person TEXT NOT NULL, last_day TEXT NOT NULL,
    PRIMARY KEY (week, scope, person)
  ) STRICT, WITHOUT ROWID;
  -- Named learning records (lesson, quiz, path), as in an LMS; the learner reads their own.
  CREATE TABLE learning_records (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    team TEXT NOT NULL,
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX learning_records_email ON learning_records (email, day);
  CREATE INDEX learning_records_day ON learning_records (day);
  -- The helpdesk join: records seen (keyed hashes), and imported ticket outcomes without ids.
  CREATE TABLE ins_guidance (
    app TEXT NOT NULL, record TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL,
    team TEXT NOT NULL, opened INTEGER NOT NULL, agent TEXT, agent_week TEXT NOT NULL,
    PRIMARY KEY (app, record)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE ins_helpdesk_imports (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, summary TEXT NOT NULL
  ) STRICT;
  CREATE TABLE ins_helpdesk_tickets (
    import INTEGER NOT NULL, day TEXT NOT NULL, team TEXT NOT NULL, cohort TEXT NOT NULL,
    agent TEXT, agent_week TEXT,
    resolution REAL, log_resolution REAL, reopens INTEGER, replies INTEGER
  ) STRICT;
  CREATE INDEX ins_helpdesk_tickets_day ON ins_helpdesk_tickets (day);
  -- Gaps an author acted on (status, the item that answers it) and the insights settings.
  CREATE TABLE ins_gaps (
    app TEXT NOT NULL, screen TEXT NOT NULL, status TEXT NOT NULL, item TEXT,
    updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
    PRIMARY KEY (app, screen)
  ) STRICT;
  CREATE TABLE ins_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `,
  `
  -- Learners' content requests (POST /v1/content-requests): the device's id is the idempotency
  -- key; scrubbed words, app and screen ('' for none); no user id. Kept as long as raw events.
  CREATE TABLE ins_content_requests (
    id TEXT PRIMARY KEY, day TEXT NOT NULL, app TEXT NOT NULL, screen TEXT NOT NULL,
    query TEXT, text TEXT NOT NULL
  ) STRICT;
  CREATE INDEX ins_content_requests_day ON ins_content_requests (day, app, screen);
  `,
  `
  -- Insights reads at a year of 5,000 agents (npm run bench:insights): distinct learners per
  -- lesson, path or team from a covering index rather than a row lookup each; the side panel's
  -- "this screen" reads one screen's item rows rather than every screen's in the period.
  DROP INDEX learning_records_day;
  CREATE INDEX learning_records_day ON learning_records (day, type, subject, team, email);
  CREATE INDEX ins_item_screen_day_screen ON ins_item_screen_day (app, screen, day);
  `,
  `
  -- Per-view rollups (ADR 0014): Learning reads answers per question and choice without the team,
  -- Teams first attempts per team and question; both are sums of the quiz rows they replace.
  CREATE TABLE ins_question_day (
    day TEXT NOT NULL, lesson TEXT NOT NULL, question TEXT NOT NULL, choice TEXT NOT NULL,
    first INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, lesson, question, choice, first)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO ins_question_day (day, lesson, question, choice, first, n, correct)
    SELECT day, lesson, question, choice, first, sum(n), sum(correct) FROM ins_quiz_day
    GROUP BY day, lesson, question, choice, first;
  CREATE TABLE ins_team_question_day (
    day TEXT NOT NULL, team TEXT NOT NULL, lesson TEXT NOT NULL, question TEXT NOT NULL,
    answers INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team, lesson, question)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO ins_team_question_day (day, team, lesson, question, answers, correct)
    SELECT day, team, lesson, question, sum(n), sum(correct) FROM ins_quiz_day WHERE first = 1
    GROUP BY day, team, lesson, question;
  DROP TABLE ins_quiz_day;
  -- Learning shows its funnel, completions and paths for all teams together: those rollups
  -- drop the team (the same sums, a fiftieth of the rows at 50 teams).
  CREATE TABLE ins_lesson_day_new (
    day TEXT NOT NULL, lesson TEXT NOT NULL, step INTEGER NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, lesson, step)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO ins_lesson_day_new (day, lesson, step, n)
    SELECT day, lesson, step, sum(n) FROM ins_lesson_day GROUP BY day, lesson, step;
  DROP TABLE ins_lesson_day;
  ALTER TABLE ins_lesson_day_new RENAME TO ins_lesson_day;
  CREATE TABLE ins_lesson_done_day_new (
    day TEXT NOT NULL, lesson TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0, questions INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, lesson)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO ins_lesson_done_day_new (day, lesson, n, questions, correct)
    SELECT day, lesson, sum(n), sum(questions), sum(correct) FROM ins_lesson_done_day GROUP BY day, lesson;
  DROP TABLE ins_lesson_done_day;
  ALTER TABLE ins_lesson_done_day_new RENAME TO ins_lesson_done_day;
  CREATE TABLE ins_path_day_new (
    day TEXT NOT NULL, path TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, path)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO ins_path_day_new (day, path, n)
    SELECT day, path, sum(n) FROM ins_path_day GROUP BY day, path;
  DROP TABLE ins_path_day;
  ALTER TABLE ins_path_day_new RENAME TO ins_path_day;
  -- Month twins of the rollups the year views read most (server/insights/rollups.ts): the same
  -- sums per 'YYYY-MM'; last_dom is the last day of the month an item was used.
  CREATE TABLE ins_item_month (
    month TEXT NOT NULL, item TEXT NOT NULL,
    shown INTEGER NOT NULL DEFAULT 0, opened INTEGER NOT NULL DEFAULT 0,
    opened_page INTEGER NOT NULL DEFAULT 0, reads INTEGER NOT NULL DEFAULT 0,
    helpful INTEGER NOT NULL DEFAULT 0, unhelpful INTEGER NOT NULL DEFAULT 0,
    last_dom INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, item)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO ins_item_month
    (month, item, shown, opened, opened_page, reads, helpful, unhelpful, last_dom)
    SELECT substr(day, 1, 7), item, sum(shown), sum(opened), sum(opened_page), sum(reads),
      sum(helpful), sum(unhelpful), max(CAST(substr(day, 9, 2) AS INTEGER))
    FROM ins_item_day GROUP BY substr(day, 1, 7), item;
  CREATE TABLE ins_feedback_month (
    month TEXT NOT NULL, item TEXT NOT NULL, helpful INTEGER NOT NULL, reason TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, item, helpful, reason)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO ins_feedback_month (month, item, helpful, reason, n)
    SELECT substr(day, 1, 7), item, helpful, reason, sum(n) FROM ins_feedback_day
    GROUP BY substr(day, 1, 7), item, helpful, reason;
  CREATE TABLE ins_query_month (
    month TEXT NOT NULL, app TEXT NOT NULL, screen TEXT NOT NULL, query INTEGER NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, app, screen, query)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX ins_query_month_query ON ins_query_month (query);
  INSERT INTO ins_query_month (month, app, screen, query, n)
    SELECT substr(day, 1, 7), app, screen, query, sum(n) FROM ins_query_day
    GROUP BY substr(day, 1, 7), app, screen, query;
  -- Distinct learners per period (server/insights/learner-sets.ts): an id per learner, and per
  -- day or month, subject or team, and record type the set of learners as a hex bitmap.
  CREATE TABLE ins_learners (
    id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE
  ) STRICT;
  CREATE TABLE ins_learner_sets (
    kind TEXT NOT NULL, period TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL,
    bits TEXT NOT NULL,
    PRIMARY KEY (kind, period, key, type)
  ) STRICT, WITHOUT ROWID;
  `,
  backfillLearnerSets,
];
