import { UsageError } from './io';

/*
 * Model files are parsed with JSON.parse. Its error does not always say where it stopped: V8 gives
 * "at position N" for most mistakes but not for "Unexpected token ']', … is not valid JSON" (a trailing
 * comma) or "Unexpected end of JSON input". So on failure only, one scan finds the place.
 */

function positionToLineCol(text: string, pos: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

/**
 * Offset of the first JSON syntax error (an iterative scan, so deep nesting cannot overflow the
 * stack), or -1. Used only to say where JSON.parse failed: its messages do not always carry a position.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < n && ' \t\n\r'.includes(text[i])) i++;
  };
  // expect: 'value' | 'key' (after '{' or ',') | 'after' (after a value) | 'colon'
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after' | 'colon';
  let expect = 'value' as Expect;
  for (;;) {
    ws();
    if (i >= n) return stack.length || expect !== 'after' ? n : -1;
    const ch = text[i];
    if (expect === 'after') {
      if (stack.length === 0) return i;
      const top = stack[stack.length - 1];
      if (ch === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
        i++;
        stack.pop();
        expect = 'after';
      } else return i;
      continue;
    }
    if (expect === 'colon') {
      if (ch !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    if ((expect === 'key-or-close' && ch === '}') || (expect === 'value-or-close' && ch === ']')) {
      i++;
      stack.pop();
      expect = 'after';
      continue;
    }
    const isKey: boolean = expect === 'key' || expect === 'key-or-close';
    if (isKey && ch !== '"') return i;
    if (ch === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\') i++;
        else if (text.charCodeAt(i) < 0x20) return i;
        i++;
      }
      if (i >= n) return n;
      i++;
      expect = isKey ? 'colon' : 'after';
    } else if (ch === '{' || ch === '[') {
      stack.push(ch);
      i++;
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
    } else {
      const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) return i;
      i += m[0].length;
      expect = 'after';
    }
  }
}

/** Parses JSON text; the error names the file and the line and column where parsing stopped. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const off = jsonErrorOffset(text);
    const where =
      off < 0 ? 'an unknown place' : off >= text.length ? 'the end' : positionToLineCol(text, off);
    const why =
      off >= 0 && off < text.length
        ? `unexpected ${JSON.stringify(text[off])}`
        : off >= text.length
          ? 'unexpected end of input'
          : message;
    throw new UsageError(`${file}: invalid JSON at ${where}: ${why}`);
  }
}
