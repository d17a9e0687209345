// A problem with what the site is built from (the standards tree, the data, an MDX page naming a clause
// that does not exist): reported as a coded message (CH417, CH418), never as a renderer's stack trace.
import { CodedError } from '../diagnostics.ts';

export class SiteError extends CodedError {}

/**
 * Components throw `new Error(siteDataMessage(...))`: Astro wraps and re-throws what a page throws, so the
 * problem travels as a marked message and is recognised again, whatever the wrapping, by siteErrorIn.
 */
const MARK = 'CHARTER-SITE-DATA:';

export function siteDataMessage(page: string, detail: string, detailZh: string): string {
  return `${MARK}${JSON.stringify({ page, detail, detailZh })}`;
}

/** The coded problem inside an error thrown by the build (its message, its cause chain), if there is one. */
export function siteErrorIn(e: unknown): SiteError | undefined {
  const seen = new Set<unknown>();
  for (let x: unknown = e; x && !seen.has(x); x = (x as { cause?: unknown }).cause) {
    seen.add(x);
    if (x instanceof SiteError) return x;
    const text = `${(x as { message?: unknown }).message ?? ''}\n${String(x)}`;
    const i = text.indexOf(MARK);
    if (i < 0) continue;
    const rest = text.slice(i + MARK.length);
    // The JSON object runs to its closing brace; messages may have text after it.
    for (let end = rest.indexOf('}'); end >= 0; end = rest.indexOf('}', end + 1)) {
      try {
        const a = JSON.parse(rest.slice(0, end + 1)) as { page: string; detail: string; detailZh: string };
        return new SiteError('CH417', a);
      } catch {
        // not yet the end of the object
      }
    }
  }
  return undefined;
}
