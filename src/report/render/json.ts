/** JSON: the report itself, documented by schema/report.schema.json. */
import type { Report } from '../types.ts';

export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
