// Wall-clock arithmetic in a named time zone, independent of the machine's TZ.
// "Local ms" below means the local wall-clock reading encoded as if it were UTC epoch ms
// (so Math.floor(localMs / DAY) is a local day number and the remainder is the time of day).

export const MINUTE = 60_000;
export const DAY = 86_400_000;
const BUCKET = 15 * MINUTE; // offsets only change on 15-minute UTC boundaries in any modern zone

export interface Zone {
  readonly name: string;
  /** local − UTC in ms at this instant. */
  offsetAt(ms: number): number;
  /** The instant whose wall-clock reading in this zone is localMs. */
  fromLocal(localMs: number): number;
}

// Asia/Shanghai has been a plain UTC+8 since DST ended in September 1991; after that a constant
// offset is exact and keeps the hot path (≈1M calls per evaluation) free of Intl.
const CN_ZONES = new Set(['Asia/Shanghai', 'PRC', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin']);
const CN_FIXED_FROM = Date.UTC(1992, 0, 1);
const H8 = 8 * 60 * MINUTE;

const zones = new Map<string, Zone>();

/** A cached Zone for an IANA name, 'UTC' or a fixed offset like '+08:00'. Throws RangeError on unknown names. */
export function zone(name: string): Zone {
  let z = zones.get(name);
  if (!z) {
    z = makeZone(name);
    zones.set(name, z);
  }
  return z;
}

function makeZone(name: string): Zone {
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(name);
  if (fixed) {
    const off = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * MINUTE;
    return { name, offsetAt: () => off, fromLocal: (l) => l - off };
  }
  if (name === 'UTC' || name === 'Etc/UTC' || name === 'GMT') return { name, offsetAt: () => 0, fromLocal: (l) => l };
  const exact = intlOffset(name);
  const cache = new Map<number, number>();
  // Cache the offset per 15-minute bucket, but only when both ends of the bucket agree,
  // so a transition inside a bucket (historic LMT changes) is still computed exactly.
  const slow = (ms: number): number => {
    const b = Math.floor(ms / BUCKET);
    const hit = cache.get(b);
    if (hit !== undefined) return hit;
    const a = exact(b * BUCKET);
    if (a !== exact(b * BUCKET + BUCKET - 1)) return exact(ms);
    if (cache.size > 100_000) cache.clear();
    cache.set(b, a);
    return a;
  };
  const offsetAt = CN_ZONES.has(name) ? (ms: number): number => (ms >= CN_FIXED_FROM ? H8 : slow(ms)) : slow;
  return {
    name,
    offsetAt,
    // The offsets a day either side bracket any transition near this wall time. Of the candidates that
    // really read as localMs, take the earliest (a repeated hour resolves to its first occurrence);
    // a wall time skipped by a gap uses the pre-gap offset, i.e. it is shifted forward.
    fromLocal(localMs) {
      const before = offsetAt(localMs - DAY);
      const after = offsetAt(localMs + DAY);
      const a = localMs - before;
      if (offsetAt(a) === before) return a;
      const b = localMs - after;
      return before !== after && offsetAt(b) === after ? b : a;
    },
  };
}

/** Exact offset via Intl (validates the zone name once). */
function intlOffset(name: string): (ms: number) => number {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    throw new RangeError(`unknown time zone: ${name}`);
  }
  return (ms) => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(ms)) p[part.type] = Number(part.value);
    const d = new Date(0); // setUTCFullYear avoids Date.UTC's 0–99 → 19xx mapping
    d.setUTCFullYear(p.year!, p.month! - 1, p.day!);
    d.setUTCHours(p.hour!, p.minute!, p.second!, 0);
    return d.getTime() - Math.floor(ms / 1000) * 1000;
  };
}
