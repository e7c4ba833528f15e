/**
 * Every subcommand, each in its own module under ./commands/. Adding a command = one line here.
 */
import type { Command } from 'commander';

export type CommandModule = { register(program: Command): void };

export const commandModules: Array<() => Promise<CommandModule>> = [
  () => import('./commands/inputs.ts'),
  () => import('./commands/simulate.ts'),
];
