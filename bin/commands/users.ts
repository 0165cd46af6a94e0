import { parseArgs } from 'node:util';
import { roleSchema, slugSchema, type Role } from '@/lib/content-model';
import { openStore, UserExistsError, type Store } from '@/server/store';
import { EXIT, UsageError, type Io } from '../io';
import { databaseOption } from './database-option';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function oneEmail(positionals: string[], sub: string): string {
  if (positionals.length !== 1) throw new UsageError(`users ${sub} takes exactly one email`);
  const email = positionals[0] ?? '';
  if (!EMAIL.test(email) || email.length > 320)
    throw new UsageError(`"${email}" is not an email address`);
  return email.toLowerCase();
}

function parseRole(raw: string | undefined): Role | undefined {
  if (raw === undefined) return undefined;
  const role = roleSchema.safeParse(raw);
  if (!role.success) throw new UsageError(`--role must be one of ${roleSchema.options.join(', ')}`);
  return role.data;
}

/** The CLI does not LISTEN: it makes one change and exits. */
const openAt = (db: string | undefined): Promise<Store> =>
  openStore(databaseOption(db), { max: 1 });

/** Prints the new token, and only it, on stdout: `TOKEN=$(waymark users add …)` just works. */
async function add(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      team: { type: 'string' },
      rotate: { type: 'boolean', default: false },
      db: { type: 'string' },
    },
  });
  const email = oneEmail(positionals, 'add');
  const role = parseRole(values.role);
  if (role === undefined && !values.rotate) throw new UsageError('users add needs --role');
  if (values.team !== undefined && !slugSchema.safeParse(values.team).success)
    throw new UsageError(`--team must be a slug (lower-case words joined by hyphens)`);
  const store = await openAt(values.db);
  try {
    const token = await store.addUser({ email, role, team: values.team, rotate: values.rotate });
    io.out(token);
    io.err(
      `${values.rotate ? 'issued a new token for' : 'added'} ${email}; the token is shown only once`,
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof UserExistsError)) throw error;
    io.err(`waymark users add: ${error.message}`);
    return EXIT.problems;
  } finally {
    await store.close();
  }
}

async function revoke(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' } },
  });
  const email = oneEmail(positionals, 'revoke');
  const store = await openAt(values.db);
  try {
    if (await store.revokeUser(email)) {
      io.err(`revoked ${email}: the token stops working on its next request`);
      return EXIT.ok;
    }
    io.err(`waymark users revoke: no active user ${email}`);
    return EXIT.problems;
  } finally {
    await store.close();
  }
}

async function list(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError('users list takes no positional arguments');
  const store = await openAt(values.db);
  try {
    for (const user of await store.listUsers()) {
      const state = user.revoked_at === undefined ? 'active' : `revoked ${user.revoked_at}`;
      io.out([user.email, user.role, user.team ?? '-', state].join('\t'));
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/** `waymark users add|revoke|list`: who may read the feed. Tokens are stored only as hashes. */
export function usersCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return add(rest, io);
  if (sub === 'revoke') return revoke(rest, io);
  if (sub === 'list') return list(rest, io);
  throw new UsageError(
    sub === undefined
      ? 'users needs a subcommand: add, revoke or list'
      : `unknown users subcommand "${sub}"`,
  );
}
