import postgres from 'postgres';
import {
  checkScimUnique,
  filterColumn,
  newScimId,
  noTokenHash,
  scimGroupFilterColumns,
  scimUserFilterColumns,
  scimGroupRecord,
  type ScimGroupRow,
  scimUserRecord,
  ScimConflictError,
  toIdentityRow,
  type IdentityUserRow,
} from '../identity-plans';
import type {
  GroupAssigner,
  ScimDecider,
  ScimGroupRecord,
  ScimGroupWrite,
  ScimList,
  ScimQuery,
  ScimUserRecord,
  ScimUserWrite,
} from '../identity-types';
import type { Query, Tx } from './connect';
import { reassign, userByEmail, userByScimId } from './identity';
import { appendAudit } from './people';

export async function scimUser(sql: Query, id: string): Promise<ScimUserRecord | undefined> {
  const row = await userByScimId(sql, id);
  if (row === undefined) return undefined;
  const groups = await sql<{ id: string; displayName: string }[]>`
    SELECT g.id, g.display_name AS "displayName" FROM scim_members m
    JOIN scim_groups g ON g.id = m.group_id WHERE m.user_id = ${id}
    ORDER BY g.display_name COLLATE "C"`;
  return scimUserRecord(row, [...groups]);
}

/** A page of SCIM resources: `attribute eq value` compared case-insensitively. */
async function page<T>(
  sql: Query,
  table: 'users' | 'scim_groups',
  key: 'scim_id' | 'id',
  column: string | undefined,
  query: ScimQuery,
  read: (id: string) => Promise<T | undefined>,
): Promise<ScimList<T>> {
  const match =
    column === undefined
      ? sql`true`
      : sql`lower(${sql(column)}) = lower(${query.filter?.value ?? ''})`;
  const [count] = await sql<{ total: number }[]>`
    SELECT count(*)::int AS total FROM ${sql(table)} WHERE ${sql(key)} IS NOT NULL AND ${match}`;
  const ids = await sql<{ id: string }[]>`
    SELECT ${sql(key)} AS id FROM ${sql(table)} WHERE ${sql(key)} IS NOT NULL AND ${match}
    ORDER BY ${sql(key)} COLLATE "C" LIMIT ${query.count} OFFSET ${query.startIndex - 1}`;
  const resources = await Promise.all(ids.map((r) => read(r.id)));
  return { total: count?.total ?? 0, resources: resources.filter((r) => r !== undefined) };
}

export const scimUsers = (sql: Query, query: ScimQuery) =>
  page(sql, 'users', 'scim_id', filterColumn(scimUserFilterColumns, query.filter), query, (id) =>
    scimUser(sql, id),
  );

export async function scimWriteUser(
  tx: Tx,
  id: string | undefined,
  decide: ScimDecider<ScimUserRecord, ScimUserWrite>,
  assign: GroupAssigner,
  at: Date,
): Promise<ScimUserRecord | undefined> {
  if (id !== undefined && (await userByScimId(tx, id, true)) === undefined) return undefined;
  const current = id === undefined ? undefined : await scimUser(tx, id);
  const write = decide(current);
  const [clash] = await tx<IdentityUserRow[]>`SELECT * FROM users
    WHERE (lower(user_name) = lower(${write.userName}) OR lower(email) = lower(${write.email}))
      AND scim_id IS NOT NULL AND scim_id IS DISTINCT FROM ${id ?? null}`;
  checkScimUnique(write, clash && toIdentityRow(clash), id);
  const stamp = at.toISOString();
  const scimId = id ?? newScimId();
  const adopt = id === undefined ? await userByEmail(tx, write.email) : undefined;
  const fields = {
    scim_id: scimId,
    email: write.email,
    user_name: write.userName,
    external_id: write.externalId ?? null,
    display_name: write.displayName ?? null,
    active: write.active,
    updated_at: stamp,
  };
  try {
    if (id !== undefined) await tx`UPDATE users SET ${tx(fields)} WHERE scim_id = ${id}`;
    else if (adopt !== undefined)
      await tx`UPDATE users SET ${tx(fields)} WHERE email = ${adopt.email}`;
    else
      await tx`INSERT INTO users ${tx({ ...fields, role: 'learner', team: null, token_hash: noTokenHash(), created_at: stamp })}`;
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.code === '23505')
      throw new ScimConflictError(`${write.email} belongs to another user`);
    throw error;
  }
  if (current === undefined || current.active !== write.active)
    await appendAudit(tx, at, {
      actor: 'scim',
      action: 'role_change',
      comment: `${write.email}: ${current === undefined ? 'provisioned' : write.active ? 'enabled' : 'disabled'}`,
    });
  await reassign(tx, scimId, assign, at);
  return scimUser(tx, scimId);
}

export async function scimDeleteUser(tx: Tx, id: string, at: Date): Promise<boolean> {
  const row = await userByScimId(tx, id, true);
  if (row === undefined) return false;
  await tx`DELETE FROM scim_members WHERE user_id = ${id}`;
  await tx`UPDATE users SET active = false, revoked_at = ${at.toISOString()},
    updated_at = ${at.toISOString()}, scim_id = NULL WHERE scim_id = ${id}`;
  await appendAudit(tx, at, {
    actor: 'scim',
    action: 'role_change',
    comment: `${row.email}: deprovisioned`,
  });
  return true;
}

export async function scimGroup(sql: Query, id: string): Promise<ScimGroupRecord | undefined> {
  const [row] = await sql<ScimGroupRow[]>`SELECT * FROM scim_groups WHERE id = ${id}`;
  if (row === undefined) return undefined;
  const members = await sql<{ id: string; userName: string }[]>`
    SELECT u.scim_id AS id, coalesce(u.user_name, u.email) AS "userName" FROM scim_members m
    JOIN users u ON u.scim_id = m.user_id WHERE m.group_id = ${id} ORDER BY u.scim_id COLLATE "C"`;
  return scimGroupRecord(row, members);
}

export const scimGroups = (sql: Query, query: ScimQuery) =>
  page(sql, 'scim_groups', 'id', filterColumn(scimGroupFilterColumns, query.filter), query, (id) =>
    scimGroup(sql, id),
  );

const memberIds = async (sql: Query, groupId: string) =>
  (
    await sql<{ user_id: string }[]>`SELECT user_id FROM scim_members WHERE group_id = ${groupId}`
  ).map((r) => r.user_id);

export async function scimWriteGroup(
  tx: Tx,
  id: string | undefined,
  decide: ScimDecider<ScimGroupRecord, ScimGroupWrite>,
  assign: GroupAssigner,
  at: Date,
): Promise<ScimGroupRecord | undefined> {
  if (id !== undefined) {
    const [locked] = await tx`SELECT 1 FROM scim_groups WHERE id = ${id} FOR UPDATE`;
    if (locked === undefined) return undefined;
  }
  const current = id === undefined ? undefined : await scimGroup(tx, id);
  const write = decide(current);
  const groupId = id ?? newScimId();
  const stamp = at.toISOString();
  await tx`INSERT INTO scim_groups (id, display_name, external_id, created_at, updated_at)
    VALUES (${groupId}, ${write.displayName}, ${write.externalId ?? null}, ${stamp}, ${stamp})
    ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,
      external_id = excluded.external_id, updated_at = excluded.updated_at`;
  const before = await memberIds(tx, groupId);
  await tx`DELETE FROM scim_members WHERE group_id = ${groupId}`;
  for (const member of write.members)
    await tx`INSERT INTO scim_members (group_id, user_id)
      SELECT ${groupId}, scim_id FROM users WHERE scim_id = ${member} ON CONFLICT DO NOTHING`;
  const after = await memberIds(tx, groupId);
  for (const user of new Set([...before, ...after])) await reassign(tx, user, assign, at);
  return scimGroup(tx, groupId);
}

export async function scimDeleteGroup(
  tx: Tx,
  id: string,
  assign: GroupAssigner,
  at: Date,
): Promise<boolean> {
  const members = await memberIds(tx, id);
  const deleted = await tx`DELETE FROM scim_groups WHERE id = ${id}`;
  for (const user of members) await reassign(tx, user, assign, at);
  return deleted.count === 1;
}
