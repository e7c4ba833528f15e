/** The process exit code only ever rises: an input error's 2 is not lowered by a passing gate. */
export function raiseExitCode(code: number): void {
  process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
}
