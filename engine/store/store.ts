// The store: Node 24's built-in SQLite (node:sqlite). Chosen over better-sqlite3 because it ships with
// the runtime — no native build, no binary download — and its synchronous API suits a CLI.
// One submission is one transaction; schema changes are numbered migrations.
import { CodedError } from '../diagnostics.ts';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  {
    version: 5,
    description: 'site builds and the disclosure items each published, to judge disclosure requirements',
    sql: `
      CREATE TABLE site_builds (
        id INTEGER PRIMARY KEY,
        edition TEXT NOT NULL,
        built_at TEXT NOT NULL,
        out_path TEXT NOT NULL,
        data_as_of TEXT,
        standard TEXT
      );
      CREATE INDEX site_builds_by_time ON site_builds (edition, built_at);
      CREATE TABLE site_build_items (
        build_id INTEGER NOT NULL REFERENCES site_builds(id),
        code TEXT NOT NULL,
        page TEXT NOT NULL,
        provider TEXT
      );
      CREATE INDEX site_build_items_by_build ON site_build_items (build_id);
    `,
  },
];

export interface Store {
  db: DatabaseSync;
  path: string;
  /** Opened read-only: nothing may be written (a reader, or a store this user cannot write). */
  readOnly: boolean;
  close(): void;
}

/** How long a writer waits for another writer's lock before giving up (CH410), in milliseconds. */
export const BUSY_ENV = 'CHARTER_BUSY_TIMEOUT';
export const DEFAULT_BUSY_MS = 60_000;

/**
 * A store problem the user (or the machine) must fix: a coded message with the path, never a stack
 * trace. `exit` is 2 when the --db path itself cannot be a store file (a folder, an empty file, no database,
 * none there yet), 1 for the store's or the disk's state.
 */
export class StoreError extends CodedError {
  readonly exit: 1 | 2;
  constructor(code: string, args: Record<string, string | number>, exit: 1 | 2 = 1) {
    super(code, args);
    this.exit = exit;
  }
}

export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[BUSY_ENV];
  if (raw === undefined || raw === '') return DEFAULT_BUSY_MS;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 3_600_000) throw new StoreError('CH416', { value: raw }, 2);
  return Number(raw);
}

/**
 * - write: the command writes; the store is created (folder included) and migrated.
 * - read: the command only reads; opened read-only, never migrated, never created.
 * - prefer-write: writes when it can (evaluate records its run), else reads: `store.readOnly` says which.
 */
export type StoreMode = 'write' | 'read' | 'prefer-write';

const SQLITE = { BUSY: 5, LOCKED: 6, READONLY: 8, IOERR: 10, CORRUPT: 11, FULL: 13, CANTOPEN: 14, NOTADB: 26 } as const;

/** A store or disk problem behind an exception, as a coded StoreError; undefined when it is none (a bug). */
export function storeErrorOf(e: unknown, path: string, command = ''): StoreError | undefined {
  if (e instanceof StoreError) return e;
  const x = e as { code?: string; errcode?: number; errstr?: string; message?: string; path?: string };
  if (x?.code === 'ERR_SQLITE_ERROR' && typeof x.errcode === 'number') {
    const detail = x.errstr ?? x.message ?? '';
    switch (x.errcode & 0xff) {
      case SQLITE.BUSY:
      case SQLITE.LOCKED:
        return new StoreError('CH410', { path, ms: busyTimeoutSafe() });
      case SQLITE.FULL:
        return new StoreError('CH411', { path });
      case SQLITE.READONLY:
        return new StoreError('CH409', { path, command, detail, detailZh: `文件或所在位置不可写：${detail}` });
      case SQLITE.NOTADB:
        // --db names a file that is no database at all (a data file, a document): a usage error.
        return new StoreError('CH405', { path }, 2);
      case SQLITE.CORRUPT:
        return new StoreError('CH406', { path, detail });
      case SQLITE.CANTOPEN:
      case SQLITE.IOERR:
        return new StoreError('CH415', { path, detail });
    }
    return undefined;
  }
  if (x?.code === 'ENOSPC' || x?.code === 'EDQUOT') return new StoreError('CH411', { path: x.path ?? path });
  return undefined;
}

function busyTimeoutSafe(): number {
  try {
    return busyTimeoutMs();
  } catch {
    return DEFAULT_BUSY_MS;
  }
}

const writable = (p: string): boolean => {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** Refuse, before SQLite sees it, a path that cannot be a store file: a folder, a FIFO, a path under a file, an empty file. */
export function checkPath(path: string): void {
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      // Which part of the path is a file?
      let up = dirname(path);
      while (up !== dirname(up)) {
        try {
          if (!statSync(up).isDirectory()) throw new StoreError('CH403', { path, file: up }, 2);
          break;
        } catch (e2) {
          if (e2 instanceof StoreError) throw e2;
        }
        up = dirname(up);
      }
      throw new StoreError('CH403', { path, file: up }, 2);
    }
    if (code === 'EACCES' || code === 'EPERM') throw new StoreError('CH415', { path, detail: code });
    if (code === 'ELOOP') throw new StoreError('CH415', { path, detail: code });
    return; // ENOENT: a new store, or a missing one (the caller decides)
  }
  if (st.isDirectory()) throw new StoreError('CH402', { path, what: 'a folder', whatZh: '文件夹' }, 2);
  if (!st.isFile()) throw new StoreError('CH402', { path, what: 'not a regular file (a FIFO, socket or device)', whatZh: '特殊文件（管道、套接字或设备）' }, 2);
  // An empty file is no store either (a mistyped --db, a cut copy): the path on the command line is wrong.
  if (st.size === 0) throw new StoreError('CH407', { path }, 2);
}

/** A read-only connection that can read the file: in a read-only folder SQLite cannot make the WAL index
 * (-shm), so the file is opened as immutable — safe there, as nobody can write beside it — unless an
 * unmerged -wal file holds data that immutable mode would not see. */
function openReadOnly(path: string, timeout: number): DatabaseSync {
  const db = new DatabaseSync(path, { readOnly: true, timeout });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    const code = (e as { errcode?: number }).errcode ?? 0;
    db.close();
    if ((code & 0xff) !== SQLITE.READONLY && (code & 0xff) !== SQLITE.CANTOPEN) throw e;
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) throw new StoreError('CH415', { path, detail: `${wal} holds writes not yet merged and the folder is read-only` });
    const url = pathToFileURL(path);
    url.search = '?immutable=1';
    const im = new DatabaseSync(url, { readOnly: true, timeout });
    im.prepare('SELECT count(*) FROM sqlite_master').get();
    return im;
  }
}

/** The schema version of an open store; CH413 when the file is another program's SQLite database. */
function schemaVersion(db: DatabaseSync, path: string): number {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  if (!tables.length) return 0;
  if (!tables.includes('schema_migrations')) throw new StoreError('CH413', { path, tables: tables.length });
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

export function openStore(path: string, o: { mode?: StoreMode; command?: string } = {}): Store {
  const mode = o.mode ?? 'write';
  const command = o.command ?? '';
  const timeout = busyTimeoutMs();
  if (path === ':memory:') {
    const db = new DatabaseSync(path, { timeout });
    migrate(db);
    return { db, path, readOnly: false, close: () => db.close() };
  }
  checkPath(path);
  const exists = existsSync(path);
  // Nothing submitted yet, or --db points elsewhere: said as such (CH423), not as a mistyped path.
  if (!exists && mode !== 'write') throw new StoreError('CH423', { path }, 2);
  // A store this user cannot write (file or folder: SQLite writes -wal and -shm beside it) is read.
  const readOnly = mode === 'read' || (mode === 'prefer-write' && !(writable(path) && writable(dirname(path))));
  let db: DatabaseSync;
  try {
    if (readOnly) db = openReadOnly(path, timeout);
    else {
      if (!exists) {
        try {
          mkdirSync(dirname(path), { recursive: true });
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          if (err.code === 'ENOTDIR' || err.code === 'EEXIST') throw new StoreError('CH403', { path, file: err.path ?? dirname(path) }, 2);
          if (err.code === 'ENOSPC') throw new StoreError('CH411', { path });
          throw new StoreError('CH404', { path, detail: err.code ?? err.message });
        }
        if (!writable(dirname(path))) throw new StoreError('CH404', { path, detail: `${dirname(path)}: EACCES` });
      } else if (!writable(path) || !writable(dirname(path))) {
        throw new StoreError('CH409', { path, command, detail: writable(path) ? 'its folder cannot be written' : 'the file cannot be written', detailZh: writable(path) ? '所在文件夹不可写' : '文件不可写' });
      }
      // The busy timeout is set at open (the constructor's timeout calls sqlite3_busy_timeout), before any
      // statement: switching to WAL itself takes a lock and must wait for a writer, not fail.
      db = new DatabaseSync(path, { timeout });
    }
  } catch (e) {
    throw storeErrorOf(e, path, command) ?? e;
  }
  try {
    const have = schemaVersion(db, path);
    if (have > LATEST_VERSION) throw new StoreError('CH412', { path, have, need: LATEST_VERSION });
    if (readOnly) {
      if (have < LATEST_VERSION) throw new StoreError('CH408', { path, have, need: LATEST_VERSION });
    } else {
      // WAL keeps readers unblocked while a submission writes; NORMAL sync is durable at each commit in WAL mode.
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;');
      migrate(db);
    }
  } catch (e) {
    db.close();
    throw storeErrorOf(e, path, command) ?? e;
  }
  if (readOnly) db.exec('PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;');
  return { db, path, readOnly, close: () => db.close() };
}

export function migrate(db: DatabaseSync): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
  let current = row.v;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have migrated while this one waited for the lock (two writers on a new store).
      const now = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
      if (now >= m.version) {
        db.exec('COMMIT');
        current = now;
        continue;
      }
      db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(m.version, m.description, new Date().toISOString());
      db.exec('COMMIT');
      current = m.version;
    } catch (e) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }
  return current;
}
