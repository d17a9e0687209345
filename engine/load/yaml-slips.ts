// The typing slips behind most YAML syntax errors a policy owner makes, found line by line so that one slip is
// one message naming its cause and the corrected line, instead of the parser's cascade (issue 13 §2):
// a tab used for indentation, a full-width colon or space (typed with a Chinese input method), a key without
// the space after its colon, a quote never closed.

export type SlipCause = 'tab-indent' | 'fullwidth-colon' | 'fullwidth-space' | 'no-space-after-colon' | 'unclosed-quote';

export interface Slip {
  cause: SlipCause;
  line: number;
  col: number;
  /** The line as it should read. */
  fixed: string;
}

// A key as the schemas spell them (snake_case ASCII): hyphenated ids such as plan:requirement ids never match.
const KEY = '[A-Za-z_][A-Za-z0-9_]*';
// Where a key starts: the line's start (after indentation and any "- "), or inside a flow map after { or ,.
const BLOCK_KEY = new RegExp(`^([ \\t\\u3000]*(?:-[ \\t]+)*)(${KEY})`);
const FLOW_KEY = new RegExp(`([{,][ \\t]*)(${KEY})(?=:[^\\s/:])`, 'g');

/** Text before a comment (a # after a space or at the line's start), outside quotes. */
function codeOf(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // A quote opens a quoted scalar only where a value starts: after ": ", "- ", "{", "[", "," or at the start.
      const before = line.slice(0, i).trimEnd();
      if (before === '' || /[:\-{[,]$/.test(before)) quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return line.slice(0, i);
  }
  return line;
}

/**
 * The slips in a YAML source. `parserFailed` says whether the YAML parser reported an error: slips that can
 * also be valid YAML in rare places (a tab inside a block scalar, a quoted value over several lines) are only
 * looked for then.
 */
export function findSlips(source: string, parserFailed: boolean): Slip[] {
  const out: Slip[] = [];
  const lines = source.split(/\r?\n/);
  let blockScalar = -1; // indentation of the key that opened a | or > block, while inside it
  lines.forEach((raw, i) => {
    const line = i + 1;
    const indent = /^[ \t\u3000]*/.exec(raw)![0];
    if (blockScalar >= 0) {
      if (raw.trim() === '' || indent.replace(/\t/g, ' ').length > blockScalar) return;
      blockScalar = -1;
    }
    const code = codeOf(raw);
    if (/:[ \t]*[|>][-+0-9]*[ \t]*$/.test(code)) blockScalar = indent.length;
    if (code.trim() === '') return;

    if (parserFailed && indent.includes('\t')) {
      out.push({ cause: 'tab-indent', line, col: indent.indexOf('\t') + 1, fixed: indent.replace(/\t/g, '  ').replace(/\u3000/g, '  ') + raw.slice(indent.length) });
      return;
    }
    if (indent.includes('\u3000')) {
      out.push({ cause: 'fullwidth-space', line, col: indent.indexOf('\u3000') + 1, fixed: indent.replace(/\u3000/g, '  ') + raw.slice(indent.length) });
      return;
    }
    const key = BLOCK_KEY.exec(code);
    if (key) {
      const at = key[1]!.length + key[2]!.length;
      const next = code.slice(at);
      if (/^[ \t]*：/.test(next)) {
        const colon = at + next.indexOf('：');
        out.push({ cause: 'fullwidth-colon', line, col: colon + 1, fixed: raw.slice(0, at) + ': ' + raw.slice(colon + 1).replace(/^[ \t\u3000]+/, '') });
        return;
      }
      if (next.startsWith(':\u3000')) {
        out.push({ cause: 'fullwidth-space', line, col: at + 2, fixed: raw.slice(0, at) + ': ' + raw.slice(at + 1).replace(/^[\u3000 \t]+/, '') });
        return;
      }
      if (parserFailed && /^:[^\s/:]/.test(next)) {
        out.push({ cause: 'no-space-after-colon', line, col: at + 2, fixed: raw.slice(0, at + 1) + ' ' + raw.slice(at + 1) });
        return;
      }
    }
    // Inside a flow map ({code:school}) a missing space makes "code:school" a key: the parser does not complain.
    // Only where a flow collection starts the value ("key: {…", "- {…", "[{…"), not a { inside plain text
    // such as a number pattern 第{seq:3}号.
    const flowStart = /^[ \t]*(?:-[ \t]+)*(?:[A-Za-z_][A-Za-z0-9_]*:[ \t]+)?[[{]/.exec(code);
    FLOW_KEY.lastIndex = flowStart ? flowStart[0].length - 1 : code.length;
    const flow = flowStart ? FLOW_KEY.exec(code) : null;
    if (flow) {
      const at = flow.index + flow[1]!.length + flow[2]!.length;
      out.push({ cause: 'no-space-after-colon', line, col: at + 2, fixed: raw.slice(0, at + 1) + ' ' + raw.slice(at + 1).replace(new RegExp(`([{,][ \\t]*${KEY}):(?=[^\\s/:])`, 'g'), '$1: ') });
      return;
    }
    if (parserFailed) {
      // A value that opens a quote and never closes it on its line.
      const open = /(^|[:{[,-][ \t]*)(["'])/.exec(raw.slice(indent.length));
      if (open) {
        const q = open[2]!;
        const start = indent.length + open.index + open[1]!.length;
        const rest = raw.slice(start + 1);
        const closes = q === '"' ? /(^|[^\\])"/.test(rest) : rest.includes("'");
        if (!closes) {
          // Close it before the flow closers that end the line ("全校}" → "全校"}).
          const tail = /[ \t]*[}\],]*[ \t]*$/.exec(raw)![0];
          out.push({ cause: 'unclosed-quote', line, col: start + 1, fixed: raw.slice(0, raw.length - tail.length) + q + tail });
        }
      }
    }
  });
  return out;
}
