/** Escaping input-derived text for each output format. */

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** CommonMark ends a line at LF, CRLF or a lone CR: input text must not contain any of them. */
const mdOneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');

/** Markdown (GitHub): no raw HTML, no table breaks, no accidental emphasis, links or headings. */
export const escapeMd = (text: string): string =>
  mdOneLine(text)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/([`*_[\]|~])/g, '\\$1')
    .replace(/^(\s*)#/, '$1\\#');

/** A Markdown code span on one line (a backtick in the text would end it). */
export const mdCode = (text: string): string => `\`${mdOneLine(text.replace(/`/g, "'"))}\``;

/** OWASP CSV injection: a cell a spreadsheet would run as a formula starts with `'` instead. */
export const csvText = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** RFC 4180: quote when needed, double the quotes; text never starts a formula. */
export const csvField = (value: string | number | boolean | undefined): string => {
  const text = value === undefined ? '' : typeof value === 'string' ? csvText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** JSON inside a <script> element: no `</script>`, no `<!--`, no line separators. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
