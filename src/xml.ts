/** XML text and attribute escaping (names and policy text from inputs stay data). */

/** Not an XML 1.0 Char (§2.2): C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The text with every character XML 1.0 cannot carry replaced by U+FFFD. */
export const xmlChars = (value: string): string => value.replace(NOT_XML_CHAR, '\ufffd');

export const escapeXml = (value: string): string =>
  xmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Parsers normalize raw line ends (and tabs in attributes); character references survive.
    .replace(/[\t\n\r\u0085\u2028\u2029]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16)};`);
