/**
 * Duplicate keys in JSON text. `JSON.parse` keeps the last value silently (YAML refuses them);
 * this scan finds them in one linear pass over text that already parsed, so it only has to
 * follow structure: strings, braces, brackets, commas.
 */
import { pointerPart } from '../src/policy/parse.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

type Frame = { keys: Set<string>; key: string; expectKey: boolean } | { index: number };

/** The end of the string whose opening quote is at `start`: the index of its closing quote. */
function stringEnd(text: string, start: number): number {
  let i = start;
  for (;;) {
    i = text.indexOf('"', i + 1);
    if (i < 0) return text.length;
    let slashes = 0;
    for (let j = i - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return i;
  }
}

const pointerOf = (frames: readonly Frame[], last: string): string =>
  `${frames.slice(0, -1).map((f) => `/${'keys' in f ? pointerPart(f.key) : f.index}`).join('')}/${pointerPart(last)}`;

/** JSON pointers of every key that repeats a key of the same object, in text order. Text must be valid JSON. */
export function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const frames: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      const end = stringEnd(text, i);
      const top = frames[frames.length - 1];
      if (top && 'keys' in top && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.keys.has(key)) found.push(pointerOf(frames, key));
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (ch === OPEN_OBJECT) frames.push({ keys: new Set(), key: '', expectKey: true });
    else if (ch === OPEN_ARRAY) frames.push({ index: 0 });
    else if (ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) frames.pop();
    else if (ch === COMMA) {
      const top = frames[frames.length - 1];
      if (top && 'keys' in top) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return found;
}
