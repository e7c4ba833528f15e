/**
 * Every subcommand, each in its own module under ./commands/. Adding a command = one line here.
 */
import type { Command } from 'commander';

export type CommandModule = { register(program: Command): void };

export const commandModules: Array<() => Promise<CommandModule>> = [
  () => import('./commands/can.ts'),
  () => import('./commands/diff.ts'),
  () => import('./commands/export.ts'),
  () => import('./commands/inputs.ts'),
  () => import('./commands/neo4j.ts'),
  () => import('./commands/paths.ts'),
  () => import('./commands/privesc.ts'),
  () => import('./commands/report.ts'),
  () => import('./commands/simulate.ts'),
  () => import('./commands/viz.ts'),
  () => import('./commands/what-can.ts'),
  () => import('./commands/who-can.ts'),
];
