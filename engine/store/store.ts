// The store: Node 24's built-in SQLite (node:sqlite). Chosen over better-sqlite3 because it ships with
// the runtime — no native build, no binary download — and its synchronous API suits a CLI.
// One submission is one transaction; schema changes are numbered migrations.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { COLUMNS_SQL, rebuildAllColumns } from './columns.ts';

export const DEFAULT_DB = 'charter-data/charter.sqlite';
export const DB_ENV = 'CHARTER_DB';

export function dbPath(flag: string | undefined, cwd: string): string {
  return resolve(cwd, flag ?? process.env[DB_ENV] ?? DEFAULT_DB);
}

/** Numbered migrations, applied in order, each once. Never edit a shipped one: add the next. */
export const MIGRATIONS: { version: number; description: string; sql: string; run?: (db: DatabaseSync) => void }[] = [
  {
    version: 1,
    description: 'submissions, records with history',
    sql: `
      CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        submitted_at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT,
        kind TEXT NOT NULL,
        provider TEXT,
        period TEXT,
        mapping TEXT,
        rows_total INTEGER NOT NULL DEFAULT 0,
        rows_accepted INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0,
        rows_replaced INTEGER NOT NULL DEFAULT 0,
        rows_flagged INTEGER NOT NULL DEFAULT 0,
        mode TEXT NOT NULL
      );
      CREATE TABLE records (
        kind TEXT NOT NULL,
        record_key TEXT NOT NULL,
        provider TEXT,
        campus TEXT,
        event_at TEXT,
        data TEXT NOT NULL,
        flags TEXT,
        submission_id INTEGER NOT NULL REFERENCES submissions(id),
        PRIMARY KEY (kind, record_key)
      ) WITHOUT ROWID;
      CREATE INDEX records_by_kind_time ON records (kind, event_at);
      CREATE TABLE record_history (
        kind TEXT NOT NULL,
        record_key TEXT NOT NULL,
        data TEXT NOT NULL,
        flags TEXT,
        submission_id INTEGER NOT NULL,
        replaced_by INTEGER NOT NULL REFERENCES submissions(id)
      );
      CREATE INDEX record_history_by_key ON record_history (kind, record_key);
    `,
  },
  {
    version: 2,
    description: 'columnar projection of records per kind and month, for evaluation',
    sql: COLUMNS_SQL,
    run: rebuildAllColumns,
  },
  {
    version: 3,
    description: 'rectification notices: numbers, notices, events (append-only)',
    sql: `
      CREATE TABLE notice_numbers (
        year INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL
      );
      CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        period TEXT NOT NULL,
        provider TEXT NOT NULL,
        group_key TEXT NOT NULL,
        requirements TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        deadline TEXT NOT NULL,
        doc TEXT NOT NULL,
        UNIQUE (year, seq),
        UNIQUE (period, group_key)
      );
      CREATE TABLE notice_events (
        id INTEGER PRIMARY KEY,
        notice_id INTEGER NOT NULL REFERENCES notices(id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        event TEXT NOT NULL,
        status TEXT NOT NULL,
        note TEXT,
        data TEXT
      );
      CREATE INDEX notice_events_by_notice ON notice_events (notice_id, id);
      -- Nothing in the ledger is overwritten or deleted: every change is a new event.
      CREATE TRIGGER notices_no_update BEFORE UPDATE ON notices BEGIN SELECT RAISE(ABORT, 'notices are append-only'); END;
      CREATE TRIGGER notices_no_delete BEFORE DELETE ON notices BEGIN SELECT RAISE(ABORT, 'notices are append-only'); END;
      CREATE TRIGGER notice_events_no_update BEFORE UPDATE ON notice_events BEGIN SELECT RAISE(ABORT, 'notice events are append-only'); END;
      CREATE TRIGGER notice_events_no_delete BEFORE DELETE ON notice_events BEGIN SELECT RAISE(ABORT, 'notice events are append-only'); END;
    `,
  },
  {
    version: 4,
    description: 'evaluation runs per period (as-of, evaluated-at, compact result), to report late data',
    sql: `
      CREATE TABLE evaluation_runs (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL,
        as_of TEXT NOT NULL,
        evaluated_at TEXT NOT NULL,
        profile TEXT,
        provider TEXT,
        data_sha256 TEXT NOT NULL,
        result TEXT NOT NULL
      );
      CREATE INDEX evaluation_runs_by_period ON evaluation_runs (period, id);
    `,
  },
];

export interface Store {
  db: DatabaseSync;
  path: string;
  close(): void;
}

export function openStore(path: string): Store {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // WAL keeps readers unblocked while a submission writes; NORMAL sync is durable at each commit in WAL mode.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;');
  migrate(db);
  return { db, path, close: () => db.close() };
}

export function migrate(db: DatabaseSync): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
  let current = row.v;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(m.version, m.description, new Date().toISOString());
      db.exec('COMMIT');
      current = m.version;
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  }
  return current;
}
