/**
 * Executes a planned push against Neo4j through neo4j-driver. Values always travel as
 * parameters; failures a user can fix (unreachable server, bad credentials) become one-line
 * UserErrors.
 */
import type { Driver } from 'neo4j-driver';
import { UserError } from '../errors.ts';
import type { CypherStatement } from './plan.ts';

/** The part of a Neo4j session a push needs; tests substitute a recorder. */
export interface StatementRunner {
  /** Auto-commit (implicit) transaction: schema changes, `CALL … IN TRANSACTIONS`. */
  runAutoCommit(query: string, params: Record<string, unknown>): Promise<void>;
  /** Managed write transaction with retries. */
  runInTransaction(query: string, params: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export interface Connection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface PushSummary {
  statements: number;
  rows: number;
}

/** Runs every statement in order; `onProgress(rowsDone, rowsTotal)` after each. */
export async function executePlan(
  plan: readonly CypherStatement[],
  runner: StatementRunner,
  onProgress?: (done: number, total: number) => void,
): Promise<PushSummary> {
  const total = plan.reduce((sum, s) => sum + s.rows, 0);
  let done = 0;
  for (const statement of plan) {
    if (statement.autoCommit) await runner.runAutoCommit(statement.query, statement.params);
    else await runner.runInTransaction(statement.query, statement.params);
    done += statement.rows;
    onProgress?.(done, total);
  }
  return { statements: plan.length, rows: total };
}

function describeFailure(err: unknown, uri: string): string {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) {
    return `Neo4j at ${uri} refused the credentials (${code}); check --user and the password variable`;
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return `cannot reach Neo4j at ${uri}: ${(e.message ?? '').split('\n')[0]}`;
  }
  return `Neo4j at ${uri} failed: ${code ? `${code}: ` : ''}${(e.message ?? String(err)).split('\n')[0]}`;
}

function driverRunner(driver: Driver, database: string | undefined): StatementRunner {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  return {
    async runAutoCommit(query, params) {
      await session.run(query, params);
    },
    async runInTransaction(query, params) {
      await session.executeWrite((tx) => tx.run(query, params));
    },
    async close() {
      await session.close();
    },
  };
}

/** Opens a connection, checks it, and runs the plan. Throws UserError for connection/auth problems. */
export async function pushPlan(
  plan: readonly CypherStatement[],
  connection: Connection,
  onProgress?: (done: number, total: number) => void,
  makeRunner: (driver: Driver, database?: string) => StatementRunner = driverRunner,
): Promise<PushSummary> {
  // Loaded here, not at start-up: every other command would pay for the driver's modules.
  const { default: neo4j } = await import('neo4j-driver');
  let driver: Driver;
  try {
    driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      connectionTimeout: 10_000,
      maxConnectionLifetime: 60 * 60 * 1000,
      disableLosslessIntegers: true,
    });
  } catch (err) {
    throw new UserError(`invalid Neo4j URI ${connection.uri}: ${(err as Error).message.split('\n')[0]}`);
  }
  try {
    try {
      await driver.verifyConnectivity({ database: connection.database });
    } catch (err) {
      throw new UserError(describeFailure(err, connection.uri));
    }
    const runner = makeRunner(driver, connection.database);
    try {
      return await executePlan(plan, runner, onProgress);
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(describeFailure(err, connection.uri));
    } finally {
      await runner.close();
    }
  } finally {
    await driver.close();
  }
}
