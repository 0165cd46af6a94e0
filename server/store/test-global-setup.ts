import type { TestProject } from 'vitest/node';
import { prepareTemplate, TEST_DATABASE_ENV } from './test-postgres';
import '../test-fixtures';

/**
 * Vitest global setup: with a PostgreSQL configured, migrate the template test databases are
 * copied from. Without one, the PostgreSQL half of the server suites is skipped with a notice —
 * except in CI, where a missing database is a failure, never a silent skip.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env[TEST_DATABASE_ENV];
  if (url === undefined || url === '') {
    if (process.env.CI === 'true')
      throw new Error(
        `CI=true but ${TEST_DATABASE_ENV} is not set: the server suite must run on PostgreSQL too (.ci/run starts one)`,
      );
    console.warn(
      `\nPostgreSQL tests skipped: set ${TEST_DATABASE_ENV} (e.g. the URL printed by "scripts/pg-cluster.sh start /tmp/waymark-pg") to run the server suite on PostgreSQL too.\n`,
    );
    project.provide('postgresUrl', undefined);
    return;
  }
  await prepareTemplate(url);
  project.provide('postgresUrl', url);
}
