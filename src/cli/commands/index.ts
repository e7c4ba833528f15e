/**
 * Every subcommand, each in its own module under ./commands/. Adding a command = one line here.
 */
import type { Command } from 'commander';

export type CommandModule = { register(program: Command): void };

export const commandModules: Array<() => Promise<CommandModule>> = [
  () => import('./can.ts'),
  () => import('./diff.ts'),
  () => import('./export.ts'),
  () => import('./inputs.ts'),
  () => import('./neo4j.ts'),
  () => import('./paths.ts'),
  () => import('./plan.ts'),
  () => import('./privesc.ts'),
  () => import('./report.ts'),
  () => import('./simulate.ts'),
  () => import('./viz.ts'),
  () => import('./what-can.ts'),
  () => import('./who-can.ts'),
];
