/** `--fail-on SEVERITY`: exit 1 when a finding at or above it is open, 0 otherwise. */
import { EXIT_GATE, EXIT_OK } from '../errors.ts';
import { atLeast } from './severity.ts';
import type { Severity } from './types.ts';

export function failOnExitCode(findings: ReadonlyArray<{ severity: Severity }>, severity: Severity | undefined): number {
  if (!severity) return EXIT_OK;
  return findings.some((f) => atLeast(f.severity, severity)) ? EXIT_GATE : EXIT_OK;
}
