// Clause URLs safe on every host (issue 14 §4): a requirement id becomes the name of the clause's folder
// on the site (standard/<slug>/) and the path the notices' QR codes print. Windows and IIS refuse
// `<>:"/\|?*` and control characters in a file or folder name, strip a trailing dot or space, and reserve
// device names (con, nul, com1 …), so ids such as `nantong-supervision:rectification` get a safe form.
// Pure and layer 0: the notices (layer 3), the disclosure rules (layer 2) and the site all use it.

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * The folder name of a clause: `:` → `--` (`nantong-supervision:rectification` →
 * `nantong-supervision--rectification`), any other character Windows refuses → `-`, a trailing dot or
 * space → `-`, a reserved device name gets a trailing `-`. Ids the schema allows today
 * (`[0-9a-z][0-9a-z.:-]*`) only ever meet the first and the trailing-dot rule; the rest keeps the URL safe
 * whatever the pattern becomes. Two ids may share a slug (`a:b` and `a--b`): the tree check reports it (CH436).
 */
export function clauseSlug(id: string): string {
  let s = id.replace(/:/g, '--').replace(/[<>"/\\|?*\u0000-\u001f%#]/g, '-');
  s = s.replace(/[. ]+$/, (m) => '-'.repeat(m.length));
  if (RESERVED.test(s)) s = `${s}-`;
  return s;
}

/** Ids that share a slug, as [slug, ids in first-seen order] for each slug held by more than one id. */
export function slugCollisions(ids: Iterable<string>): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const id of ids) {
    const s = clauseSlug(id);
    const list = by.get(s);
    if (!list) by.set(s, [id]);
    else if (!list.includes(id)) list.push(id);
  }
  return [...by].filter(([, v]) => v.length > 1);
}

/** Characters no file or folder name of a build may hold (Windows/IIS). */
export const UNSAFE_PATH_CHARS = /[<>:"\\|?*\u0000-\u001f]/;
