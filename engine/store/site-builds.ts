// The record of each commitment-site build (migration 5): which edition was built, when, where to, and the
// disclosure items its pages were found to publish. The evaluation judges the disclosure requirements
// Charter publishes itself from these records (engine/evaluate/disclosure.ts).
import type { Store } from './store.ts';

export interface SiteBuildItem {
  /** A disclosure item code of the standard or a plan (`service-hotline`, `paid-service-prices` …). */
  code: string;
  /** The site path of the page that carries it (`/`, `/processes/#repair`, `/services/`). */
  page: string;
  /** For an item each provider publishes separately (its time-limit pledges): the provider. */
  provider?: string;
}

export interface SiteBuild {
  id: number;
  edition: 'public' | 'internal';
  /** ISO 8601 with offset. */
  built_at: string;
  out_path: string;
  data_as_of: string | null;
  standard: string | null;
  items: SiteBuildItem[];
}

export function recordSiteBuild(store: Store, b: Omit<SiteBuild, 'id'>): number {
  const db = store.db;
  db.exec('BEGIN IMMEDIATE');
  try {
    const r = db.prepare('INSERT INTO site_builds (edition, built_at, out_path, data_as_of, standard) VALUES (?, ?, ?, ?, ?)').run(b.edition, b.built_at, b.out_path, b.data_as_of, b.standard);
    const id = Number(r.lastInsertRowid);
    const ins = db.prepare('INSERT INTO site_build_items (build_id, code, page, provider) VALUES (?, ?, ?, ?)');
    for (const it of b.items) ins.run(id, it.code, it.page, it.provider ?? null);
    db.exec('COMMIT');
    return id;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** Every recorded build, oldest first (a handful of rows: one per `charter site build`). */
export function siteBuilds(store: Store): SiteBuild[] {
  const builds = store.db.prepare('SELECT id, edition, built_at, out_path, data_as_of, standard FROM site_builds ORDER BY id').all() as unknown as Omit<SiteBuild, 'items'>[];
  const items = store.db.prepare('SELECT build_id, code, page, provider FROM site_build_items ORDER BY rowid').all() as { build_id: number; code: string; page: string; provider: string | null }[];
  return builds.map((b) => ({
    ...b,
    items: items.filter((i) => i.build_id === b.id).map((i) => ({ code: i.code, page: i.page, ...(i.provider ? { provider: i.provider } : {}) })),
  }));
}

/** The public build in force just before an instant (the end of a month): the latest recorded before it, if any. */
export function publicBuildBefore(builds: SiteBuild[], endMs: number): SiteBuild | undefined {
  let best: SiteBuild | undefined;
  for (const b of builds) {
    if (b.edition !== 'public') continue;
    const t = Date.parse(b.built_at);
    if (!(t < endMs)) continue;
    if (!best || t > Date.parse(best.built_at) || (t === Date.parse(best.built_at) && b.id > best.id)) best = b;
  }
  return best;
}
