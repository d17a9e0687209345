// Dates as printed in Chinese documents; shared by the PDFs and the ledger's notice wording.

/** '2026-05-06…' → 2026年5月6日 (the local date as written, no time-zone arithmetic). */
export function formatDate(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : s;
}

/** '2026-04' → 2026年4月 */
export function formatPeriod(s: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return m ? `${m[1]}年${Number(m[2])}月` : s;
}
