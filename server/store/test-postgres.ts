import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrate } from './postgres/migrate';

/**
 * Test-only: PostgreSQL for the test suites. `WAYMARK_TEST_DATABASE_URL` names a server (a
 * throwaway cluster from scripts/pg-cluster.sh in CI); the global setup migrates one template
 * database there, and every test gets its own database copied from it (CREATE DATABASE …
 * TEMPLATE, a few tens of milliseconds) and dropped afterwards.
 */
export const TEST_DATABASE_ENV = 'WAYMARK_TEST_DATABASE_URL';
export const TEMPLATE_DATABASE = 'waymark_test_template';

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

function admin(url: string): postgres.Sql {
  return postgres(url, { max: 1, onnotice: () => undefined });
}

/** Creates (afresh) and migrates the template every test database is copied from. */
export async function prepareTemplate(url: string): Promise<void> {
  const sql = admin(url);
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await sql.unsafe(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await sql.end();
  }
  const template = admin(withDatabase(url, TEMPLATE_DATABASE));
  try {
    await migrate(template);
  } finally {
    await template.end();
  }
}

/** A fresh database: a migrated copy of the template, or an empty one (`migrated: false`). */
export async function createTestDatabase(
  url: string,
  options: { migrated?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `waymark_test_${randomBytes(6).toString('hex')}`;
  const sql = admin(url);
  try {
    const template = options.migrated === false ? 'template0' : TEMPLATE_DATABASE;
    // Copies of one template may not overlap in time; PostgreSQL says so, and we try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await sql.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        if (attempt > 50 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 50));
      }
    }
  } finally {
    await sql.end();
  }
  return {
    url: withDatabase(url, name),
    drop: async () => {
      const dropper = admin(url);
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
