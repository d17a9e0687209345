// Speed for the runner only: most inputs change one YAML file, yet every validate and submit parses the
// whole tree again (~0.1 s). This load hook memoises engine/load/yaml.ts's loadYamlText by (file, text):
// an unchanged file parses once per runner; a changed one always goes through the real parser. Each hit
// gets deep copies of the data and diagnostics, so nothing the engine does to them leaks into the next
// input. If yaml.ts no longer has a reassignable loadYamlText, the hook does nothing.
import { registerHooks } from 'node:module';

const PATCH = `
;try {
  const fuzzOriginal = loadYamlText;
  const fuzzCache = new Map();
  loadYamlText = function (source, file) {
    if (typeof source !== 'string' || source.length > 400000) return fuzzOriginal(source, file);
    const key = file + '\\u0000' + source;
    let hit = fuzzCache.get(key);
    if (!hit) {
      hit = fuzzOriginal(source, file);
      if (fuzzCache.size >= 400) fuzzCache.clear();
      fuzzCache.set(key, hit);
    }
    try {
      return { ...hit, data: structuredClone(hit.data), diagnostics: structuredClone(hit.diagnostics) };
    } catch {
      return fuzzOriginal(source, file);
    }
  };
  globalThis.__charterFuzzYamlCache = true;
} catch {}
`;

export function installYamlCache(): void {
  registerHooks({
    load(url, context, nextLoad) {
      const r = nextLoad(url, context);
      if (url.endsWith('/engine/load/yaml.ts') && r.source !== undefined) {
        return { ...r, source: (typeof r.source === 'string' ? r.source : new TextDecoder().decode(r.source as Uint8Array)) + PATCH };
      }
      return r;
    },
  });
}
