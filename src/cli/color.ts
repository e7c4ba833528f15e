/**
 * Colour on a terminal — severities, verdicts, what a hop still needs — and never in a pipe or a
 * file: off without a TTY, with NO_COLOR set (https://no-color.org) or with --no-color. The text is
 * the same either way; colour only marks the words the reader looks for.
 */
import pc from 'picocolors';

type Paint = (text: string) => string;
export type Colorize = (line: string) => string;

const plain: Colorize = (line) => line;

export function colorizer(opts: { color?: boolean }, stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): Colorize {
  const enabled = opts.color !== false && stream.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  return enabled ? colorLine(pc.createColors(true)) : plain;
}

/** The marks, by the text the one text renderer writes (analysis/text.ts, the commands' headers). */
export function colorLine(c: ReturnType<typeof pc.createColors>): Colorize {
  const severity: Record<string, Paint> = { critical: (t) => c.bold(c.red(t)), high: c.red, medium: c.yellow, low: c.cyan, info: c.dim };
  return (line) => line
    .replace(/\[(critical|high|medium|low|info)\]$/, (m, s: string) => severity[s](m))
    .replace(/^(path \d+ \[)(reachable|conditional)/, (_m, head: string, verdict: string) => `${head}${verdict === 'reachable' ? c.green(verdict) : c.yellow(verdict)}`)
    .replace(/^(\s+)((?:only if|unless|needs) .*)$/, (_m, indent: string, rest: string) => `${indent}${c.yellow(rest)}`);
}
