// Limits on a standards-tree YAML file. Generous for real files, tight enough that a hostile or
// misplaced file is refused with its own code before it can exhaust memory or the stack.
// Documented in docs/editing.md ("Limits"); the shipped tree is measured in test/loader.test.ts.

/** Largest file read (bytes). The largest shipped file is about 70 KB; this is ~30× that. */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

/** Deepest nesting of maps and lists. The deepest shipped file nests 8 levels. */
export const MAX_YAML_DEPTH = 64;

/** Alias expansions the YAML library may make for one alias (CH103). */
export const MAX_ALIAS_COUNT = 100;
