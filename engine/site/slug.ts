// The site's clause slug (CONTRACT14: clauseSlug lives here for the site and the notices). The function
// itself is in engine/model/slug.ts so the disclosure rules (engine/evaluate, a lower layer) can use it too.
export { clauseSlug, slugCollisions, UNSAFE_PATH_CHARS } from '../model/slug.ts';
