// The word check (issue 13, "done when"): counts the codes that reach text a person reads — ISO
// durations and timestamps, English status/event words in Chinese text, record field names, activity,
// profile and provider ids, kebab-case codes, rule tags. Used by the tests on the CLI's output and the
// PDFs' extracted text, and by `npm run check-words` on npm start's output. Paths, commands the reader
// types (`$ charter …`, `--flag value`), record numbers (WO-2026-000542) and error codes (CH303) are
// the reader's own tokens and are not counted.
import { FIELD, FINDING_STATUS, NOTICE_EVENT, NOTICE_STATUS, REASON_CODE, RECORD_KIND, type Lang } from './labels.ts';

export interface Leak {
  kind: 'iso-duration' | 'iso-time' | 'status-word' | 'field' | 'id' | 'code' | 'rule-tag';
  token: string;
  line: string;
}

/** Ids the tree defines (activities, profiles, providers, scopes …): named as such when found. */
export interface KnownIds {
  ids?: Iterable<string>;
}

const ISO_DURATION = /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const FILE_EXT = /\.(pdf|json|csv|xlsx|xls|ndjson|sqlite|yaml|yml|html|md|txt|png|xml|svg|ts|js)$/i;
/** Names of formats, encodings and tools a reader of a data import knows by these names. */
const ALLOWED = new Set(['utf-8', 'utf-16', 'utf-16le', 'utf-16be', 'utf-8-bom', 'gb18030', 'gbk', 'ndjson', 'csv', 'xlsx', 'xls', 'json', 'pdf', 'sha256', 'sqlite', 'yaml', 'npm', 'npx', 'charter', 'node', 'excel', 'http', 'https', 'localhost', 'html', 'excel-serial']);
/** English hyphenated words that are words, not codes (for --lang en). */
const EN_WORDS = new Set(['month-long', 'week-long', 'year-long', 'dry-run', 'on-site', 'off-site', 'follow-up', 'self-check', 'self-checks', 'year-to-date', 'non-working', 'pro-rata', 'e-mail', 'well-kept', 'per-case', 're-issue', 're-evaluate', 'co-operation', 'up-to-date', 'built-in', 'what-if', 'day-to-day', 'in-house', 'long-term', 'short-term', 'full-width', 'half-width', 'sign-off', 'read-only', 'two-thirds', 'one-third', 'walk-through', 'check-in', 'log-in', 'anti-terrorism', 'first-aid', 'fire-fighting', 'x-ray', 'm-d', 'yyyy-mm', 'yyyy-mm-dd', 'on-time', 'air-conditioning', 'boiling-water', 'campus-wide', 'teaching-equipment', 'multi-media', 'well-lit', 'room-temperature', 'one-stop', 'round-the-clock', 'twenty-four', 'walk-in', 'drop-in', 'non-emergency', 'life-threatening']);
/** More English words a code pattern would catch (terminal wording, issue 13 §3). */
const EN_WORDS_TERMINAL = new Set(['re-check', 're-checks', 're-checked', 'no-break', 'per-case', 'make-up']);
const ZH_STATUS_WORDS = new Set(['passed', 'failed', 'issued', 'acknowledged', 'verified', 'overdue', 'escalated', 'reopened', 'voided', 'pending', 'error', 'met', 'missed', 'excluded', 'invalid']);

const CODES = new Set([...Object.keys(FINDING_STATUS), ...Object.keys(NOTICE_STATUS), ...Object.keys(NOTICE_EVENT), ...Object.keys(REASON_CODE), ...Object.keys(RECORD_KIND), 'at-least', 'at-most', 'above', 'below']);
const FIELDS = new Set(Object.keys(FIELD).filter((f) => f.includes('_')));

/** Text with the reader's own tokens taken out: command lines, flags with their values, paths. */
function readable(line: string): string {
  if (/^\s*\$ /.test(line)) return '';
  return line
    // A file's own record quoted as it is (a CSV row shown from a rejects file): the file's bytes, not words.
    .replace(/"(?:[^"]|"")*"(?:,"(?:[^"]|"")*"){2,}/g, ' ')
    // A dotfile's name (.charter-site) is a file name.
    .replace(/(^|[\s“"'（(])\.[a-z][a-z0-9.-]*/g, '$1 ')
    .replace(/(?:npx |npm run |node bin\/charter\.js |\b)charter(?: [a-z-]+)+(?: (?:--?[a-z-]+(?:[ =](?!--)[^\s，。；）)]+)?|[^\s，。；）)-][^\s，。；）)]*))*/g, ' ')
    .replace(/--[a-z][a-z-]*(?:[ =][^\s，。；）)]+)?/g, ' ');
}

export function findLeaks(text: string, lang: Lang, known: KnownIds = {}): Leak[] {
  const ids = new Set(known.ids ?? []);
  const out: Leak[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = readable(rawLine);
    if (!line.trim()) continue;
    if (/\(rule [^)]+\)/.test(line)) out.push({ kind: 'rule-tag', token: /\(rule [^)]+\)/.exec(line)![0], line: rawLine });
    for (const m of line.matchAll(/[A-Za-z0-9_.:+\-\/\\]+/g)) {
      // A piece of a file name wrapped at its hyphen in a table cell (2026-02-W5-huayu-|property-east.ndjson).
      if (/[A-Za-z0-9]-$/.test(m[0]) && /^\s*$/.test(line.slice((m.index ?? 0) + m[0].length))) continue;
      let tok = m[0].replace(/^[.:\-]+|[.:\-]+$/g, '');
      if (!tok) continue;
      if (/[\/\\]/.test(tok) || FILE_EXT.test(tok)) continue; // a path
      if (/^[A-Z][A-Z0-9]*-/.test(tok)) continue; // a record number
      if (/^CH\d{3}$/.test(tok) || /^[0-9a-f]{12,64}$/.test(tok)) continue; // an error code, a hash
      if (ISO_DURATION.test(tok)) {
        out.push({ kind: 'iso-duration', token: tok, line: rawLine });
        continue;
      }
      if (ISO_TIME.test(tok)) {
        out.push({ kind: 'iso-time', token: tok, line: rawLine });
        continue;
      }
      const lower = tok.toLowerCase();
      if (ALLOWED.has(lower)) continue;
      // A plan requirement id (plan-id:local-id) or a bare id the tree defines.
      const head = tok.includes(':') ? tok.slice(0, tok.indexOf(':')) : tok;
      // In English text a tree id that is a plain word (a scope called campus, building, library) is the word.
      if ((ids.has(tok) || ids.has(head)) && !(lang === 'en' && /^[A-Za-z]+$/.test(tok))) {
        out.push({ kind: 'id', token: tok, line: rawLine });
        continue;
      }
      if (FIELDS.has(tok)) {
        out.push({ kind: 'field', token: tok, line: rawLine });
        continue;
      }
      if (CODES.has(tok) && (tok.includes('-') || lang === 'zh') && !(lang === 'en' && EN_WORDS.has(tok))) {
        out.push({ kind: 'status-word', token: tok, line: rawLine });
        continue;
      }
      if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(tok) && !(lang === 'en' && (EN_WORDS.has(tok) || EN_WORDS_TERMINAL.has(tok)))) {
        out.push({ kind: 'code', token: tok, line: rawLine });
        continue;
      }
      if (/^[a-z]+_[a-z_]+$/.test(tok)) {
        out.push({ kind: 'field', token: tok, line: rawLine });
        continue;
      }
      if (lang === 'zh' && ZH_STATUS_WORDS.has(lower)) out.push({ kind: 'status-word', token: tok, line: rawLine });
    }
  }
  return out;
}

/** A short report: counts per kind and the first examples, for test failures and the script. */
export function leakReport(leaks: Leak[], max = 30): string {
  const by = new Map<string, number>();
  for (const l of leaks) by.set(l.kind, (by.get(l.kind) ?? 0) + 1);
  const head = [...by].map(([k, n]) => `${k} ${n}`).join(', ');
  return [`${leaks.length} codes where words belong (${head || 'none'})`, ...leaks.slice(0, max).map((l) => `  ${l.kind}: ${l.token}    | ${l.line.trim().slice(0, 160)}`)].join('\n');
}
