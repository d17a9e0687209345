// Where npm start puts the sample university's store, so that the README's everyday commands find it
// without flags (issue 13 §3): the default store, charter-data/charter.sqlite — unless a store is already
// there that npm start did not make (a school's own data), which is never replaced: the sample then goes
// to out/sample.sqlite and npm start's closing lines say to add --db.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_DB } from '../engine/store/store.ts';

/** A file beside the store saying npm start made it (and may replace it). */
export const SAMPLE_MARK = '.charter-sample';
export const FALLBACK_DB = join('out', 'sample.sqlite');

export function sampleStore(root: string): { db: string; fallback: boolean } {
  const db = DEFAULT_DB;
  const mine = existsSync(join(root, dirname(db), SAMPLE_MARK));
  if (existsSync(join(root, db)) && !mine) return { db: FALLBACK_DB, fallback: true };
  return { db, fallback: false };
}

export function markSampleStore(root: string, db: string): void {
  mkdirSync(join(root, dirname(db)), { recursive: true });
  writeFileSync(join(root, dirname(db), SAMPLE_MARK), 'The store beside this file holds the sample university; npm start made it and replaces it on every run.\n示例大学的数据库，由 npm start 建立，每次运行 npm start 都会重建。\n');
}

/** npm start's closing lines: where the store is, and the everyday commands exactly as they now run. */
export function everydayLines(db: string, fallback: boolean, lang: 'zh' | 'en', env = process.env): string {
  const zh = lang === 'zh';
  const flag = fallback ? ` --db ${db}` : '';
  const examples = [`npx charter submissions${flag}`, `npx charter evaluate --period 2026-04${flag}`, `npx charter notices list${flag}`];
  const lines = [
    fallback
      ? zh
        ? `数据库：${db}（${DEFAULT_DB} 处已有不是 npm start 建立的数据库，没有改动它；README 的常用命令请加 --db ${db}）`
        : `Store: ${db} (${DEFAULT_DB} holds a store npm start did not make, left as it was; add --db ${db} to the README's everyday commands)`
      : zh
        ? `数据库：${db}（默认位置：README 的常用命令不加 --db 即可使用）`
        : `Store: ${db} (the default place: the README's everyday commands find it without --db)`,
    ...(env.CHARTER_DB && !fallback ? [zh ? `注意：环境变量 CHARTER_DB 指向 ${env.CHARTER_DB}，命令会使用它；要看示例数据请加 --db ${db}` : `Note: CHARTER_DB points at ${env.CHARTER_DB}, which the commands use; add --db ${db} for the sample`] : []),
    (zh ? '试试：' : 'Try: ') + examples.join(zh ? '　' : '   '),
  ];
  return lines.join('\n');
}
