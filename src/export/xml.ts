/** XML text and attribute escaping (names and policy text from inputs stay data). */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export const escapeXml = (value: string): string =>
  value
    .replace(INVALID_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Parsers normalize raw line ends (and tabs in attributes); character references survive.
    .replace(/[\t\n\r\u0085\u2028\u2029]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16)};`);
