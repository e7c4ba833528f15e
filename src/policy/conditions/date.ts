/** Dates for the Date* operators: ISO 8601 (date, date-time, with or without zone) or epoch seconds. */
const EPOCH = /^-?\d+(\.\d+)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch, or undefined when not a date AWS accepts. */
export function parseDate(text: string): number | undefined {
  const value = text.trim();
  if (EPOCH.test(value)) return Number(value) * 1000;
  if (!ISO.test(value)) return undefined;
  // A date-time without a zone is UTC in AWS's comparisons.
  const withZone = /T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? `${value}Z` : value;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : ms;
}
