// What one fuzz input is, and what running it found. Specs are plain data so they can cross to the
// runner process, be shrunk, and be saved as a reproducer (bytes as base64 in JSON).

export const CLASSES = ['yaml-syntax', 'encodings', 'aliases', 'nesting', 'sizes', 'duplicates', 'formulas', 'times', 'file-types'] as const;
export type ClassName = (typeof CLASSES)[number];

/** One thing to put on disk before the run. `rel` is relative to the input's root (see Spec.root). */
export type Entry =
  | { rel: string; type: 'file'; data: Uint8Array }
  /** head + body×times (with {i} replaced by the repetition number) + tail, streamed to disk: big files without big memory. */
  | { rel: string; type: 'repeat'; head: string; body: string; times: number; tail: string }
  | { rel: string; type: 'dir' }
  | { rel: string; type: 'fifo' }
  | { rel: string; type: 'symlink'; target: string }
  | { rel: string; type: 'remove' };

export interface Spec {
  cls: ClassName;
  /** Which mutation made it, e.g. "tab-indent" — part of the report, not of the failure signature. */
  mutator: string;
  command: 'validate' | 'submit';
  /**
   * Where the entries go: 'tree' = the runner's copy of the shipped standards tree (restored after the
   * run); 'work' = a fresh folder for this input.
   */
  entries: { root: 'tree' | 'work'; entry: Entry }[];
  /** The arguments after the command. Tokens: {tree} the standards copy, {work} the input folder, {db} the store, {rejects}. */
  args: string[];
  /** Run from the folder that holds the tree copy (so `validate` without paths checks it). */
  cwdTree?: boolean;
  /** A submission without --accept-valid: if it is not stored, the store must be unchanged. */
  allOrNothing?: boolean;
  /** Look at the rejects files for cells a spreadsheet would execute. */
  checkRejects?: boolean;
  /** The entry the mutation changed (index into entries): the one shrinking works on. Default: the biggest. */
  shrinkEntry?: number;
  /** Use a store that does not exist yet (or is replaced by an entry) instead of a copy of the base store. */
  freshDb?: boolean;
}

export type FailureKind = 'internal' | 'stack' | 'hang' | 'store-change' | 'formula' | 'leftover' | 'memory' | 'crash';
export const FAILURE_KINDS: FailureKind[] = ['internal', 'stack', 'hang', 'store-change', 'formula', 'leftover', 'memory', 'crash'];

export interface Outcome {
  /** The CLI's exit code; -1 when the run did not finish (hang, crash). */
  exit: number;
  ms: number;
  /** Peak resident memory of the runner process during this input, MB. */
  peakMb: number;
  out: string;
  /** `key`, when set, stands for the detail in the signature (e.g. one signature for every formula payload). */
  failures: { kind: FailureKind; detail: string; key?: string }[];
  /** Open file descriptors of the runner after the run (a leak shows as growth). */
  fds?: number;
  /** The store file's bytes differ though its content does not (informational). */
  storeBytesChanged?: boolean;
}

export interface Failure {
  signature: string;
  kind: FailureKind;
  detail: string;
}

/** A failure's identity: class, kind, exit code and the first message, with numbers and paths blurred so
 * the same defect found twice is one signature. */
export function signatureOf(cls: string, kind: FailureKind, exit: number, detail: string): string {
  const msg = detail
    .replace(/(^|[\s'"(=:])\/[^\s'"`)]+/g, '$1<path>')
    .replace(/\d+/g, 'N')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${cls}|${kind}|exit ${exit}|${msg}`;
}

export function specToJson(s: Spec): unknown {
  return {
    ...s,
    entries: s.entries.map(({ root, entry }) => ({ root, entry: entry.type === 'file' ? { ...entry, data: Buffer.from(entry.data).toString('base64') } : entry })),
  };
}

export function specFromJson(j: unknown): Spec {
  const s = j as Spec & { entries: { root: 'tree' | 'work'; entry: Entry & { data?: string } }[] };
  return {
    ...s,
    entries: s.entries.map(({ root, entry }) => ({ root, entry: entry.type === 'file' ? { ...entry, data: new Uint8Array(Buffer.from(entry.data as unknown as string, 'base64')) } : entry })) as Spec['entries'],
  };
}

/** Size of the input on disk, for the report. */
export function specBytes(s: Spec): number {
  let n = 0;
  for (const { entry } of s.entries) {
    if (entry.type === 'file') n += entry.data.length;
    else if (entry.type === 'repeat') n += entry.head.length + entry.tail.length + entry.body.length * entry.times;
  }
  return n;
}
