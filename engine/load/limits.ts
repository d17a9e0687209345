// Limits on a standards-tree YAML file. Generous for real files, tight enough that a hostile or
// misplaced file is refused with its own code before it can exhaust memory or the stack.
// Documented in docs/editing.md ("Limits"); the shipped tree is measured in test/loader.test.ts.

/** Largest file read (bytes). The largest shipped file is about 70 KB; this is ~30× that. */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

/** Deepest nesting of maps and lists. The deepest shipped file nests 8 levels. */
export const MAX_YAML_DEPTH = 64;

/**
 * Lexical tokens (keys, values, indicators, spaces) in one file. The largest shipped file has about 17,000;
 * without this a 2 MB file of "a," (a million list items) took 1.2 GB and 40 s to refuse.
 */
export const MAX_YAML_TOKENS = 400_000;

/** Alias expansions the YAML library may make for one alias (CH103). */
export const MAX_ALIAS_COUNT = 100;
