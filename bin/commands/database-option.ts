import { DEFAULT_DB_PATH } from '@/server/store';

/**
 * The database a server-side command uses: `--db` (a SQLite file, or a postgres:// URL), else
 * DATABASE_URL (the usual variable in containers), else the embedded default file.
 */
export function databaseOption(flag: string | undefined): string {
  if (flag !== undefined && flag !== '') return flag;
  const env = process.env.DATABASE_URL;
  return env !== undefined && env !== '' ? env : DEFAULT_DB_PATH;
}

/** The usage line every server-side command shares. */
export const DB_USAGE = '--db FILE|postgres://… (default: DATABASE_URL, else ./data/waymark.db)';
