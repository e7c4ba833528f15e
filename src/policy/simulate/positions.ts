/**
 * Line/column of each statement inside a policy's JSON text, for MatchedStatements'
 * StartPosition/EndPosition (1-based, as AWS's simulator reports them).
 */

export interface Position { Line: number; Column: number }
export interface Span { start: Position; end: Position }

/** Spans of `Statement` elements (index → span), or an empty map when the text is not locatable. */
export function statementSpans(text: string): Map<number, Span> {
  const spans = new Map<number, Span>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const at = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { Line: lo + 1, Column: offset - lineStarts[lo] + 1 };
  };
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const skipString = () => { i++; while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1; i++; };
  const skipValue = (): void => {
    ws();
    const ch = text[i];
    if (ch === '"') return skipString();
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      ws();
      while (i < text.length && text[i] !== close) {
        if (ch === '{') { ws(); skipString(); ws(); i++; }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  const record = (index: number) => { ws(); const s = i; skipValue(); spans.set(index, { start: at(s), end: at(i) }); };
  try {
    ws();
    if (text[i] !== '{') return spans;
    i++;
    while (i < text.length) {
      ws();
      if (text[i] === '}') break;
      const keyStart = i;
      skipString();
      const key = JSON.parse(text.slice(keyStart, i)) as string;
      ws(); i++; ws();
      if (key === 'Statement') {
        if (text[i] === '[') {
          i++;
          let index = 0;
          ws();
          while (text[i] !== ']') { record(index++); ws(); if (text[i] === ',') i++; ws(); }
          i++;
        } else record(0);
      } else skipValue();
      ws();
      if (text[i] === ',') i++;
    }
  } catch {
    return new Map();
  }
  return spans;
}
