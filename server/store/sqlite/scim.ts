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
import type { Db } from './database';
import { reassign, userWhere } from './identity';
import { appendAudit } from './people';

export function scimUser(db: Db, id: string): ScimUserRecord | undefined {
  const row = userWhere(db, 'scim_id = ?', id);
  if (row === undefined) return undefined;
  const groups = db
    .prepare(
      `SELECT g.id, g.display_name AS displayName FROM scim_members m
       JOIN scim_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.display_name`,
    )
    .all(id) as { id: string; displayName: string }[];
  return scimUserRecord(row, groups);
}

/** A page of SCIM resources: `attribute eq value` compared case-insensitively. */
function page<T>(
  db: Db,
  table: string,
  key: string,
  column: string | undefined,
  query: ScimQuery,
  read: (id: string) => T | undefined,
): ScimList<T> {
  const where = `${key} IS NOT NULL${column === undefined ? '' : ` AND ${column} = ? COLLATE NOCASE`}`;
  const params = column === undefined ? [] : [query.filter?.value ?? ''];
  const { total } = db
    .prepare(`SELECT count(*) AS total FROM ${table} WHERE ${where}`)
    .get(...params) as { total: number };
  const ids = db
    .prepare(`SELECT ${key} AS id FROM ${table} WHERE ${where} ORDER BY ${key} LIMIT ? OFFSET ?`)
    .all(...params, query.count, query.startIndex - 1) as { id: string }[];
  return { total, resources: ids.map((r) => read(r.id)).filter((r) => r !== undefined) };
}

export const scimUsers = (db: Db, query: ScimQuery) =>
  page(db, 'users', 'scim_id', filterColumn(scimUserFilterColumns, query.filter), query, (id) =>
    scimUser(db, id),
  );

export function scimWriteUser(
  db: Db,
  id: string | undefined,
  decide: ScimDecider<ScimUserRecord, ScimUserWrite>,
  assign: GroupAssigner,
  at: Date,
): ScimUserRecord | undefined {
  const current = id === undefined ? undefined : scimUser(db, id);
  if (id !== undefined && current === undefined) return undefined;
  const write = decide(current);
  const clash = userWhere(
    db,
    '(user_name = ? COLLATE NOCASE OR email = ?) AND scim_id IS NOT NULL AND scim_id IS NOT ?',
    write.userName,
    write.email,
    id ?? null,
  );
  checkScimUnique(write, clash, id);
  const stamp = at.toISOString();
  const scimId = id ?? newScimId();
  const adopt = id === undefined ? userWhere(db, 'email = ?', write.email) : undefined;
  const values = [write.userName, write.externalId ?? null, write.displayName ?? null];
  try {
    if (id !== undefined || adopt !== undefined)
      db.prepare(
        `UPDATE users SET scim_id = ?, email = ?, user_name = ?, external_id = ?, display_name = ?,
           active = ?, updated_at = ? WHERE ${id === undefined ? 'email' : 'scim_id'} = ?`,
      ).run(scimId, write.email, ...values, write.active ? 1 : 0, stamp, id ?? adopt?.email);
    else
      db.prepare(
        `INSERT INTO users (email, role, team, token_hash, created_at, updated_at, scim_id,
           user_name, external_id, display_name, active) VALUES (?, 'learner', NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(write.email, noTokenHash(), stamp, stamp, scimId, ...values, write.active ? 1 : 0);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new ScimConflictError(`${write.email} belongs to another user`);
    throw error;
  }
  if (current === undefined || current.active !== write.active)
    appendAudit(db, at, {
      actor: 'scim',
      action: 'role_change',
      comment: `${write.email}: ${current === undefined ? 'provisioned' : write.active ? 'enabled' : 'disabled'}`,
    });
  reassign(db, scimId, assign, at);
  return scimUser(db, scimId);
}

export function scimDeleteUser(db: Db, id: string, at: Date): boolean {
  const row = userWhere(db, 'scim_id = ?', id);
  if (row === undefined) return false;
  db.prepare('DELETE FROM scim_members WHERE user_id = ?').run(id);
  db.prepare(
    `UPDATE users SET active = 0, revoked_at = ?, updated_at = ?, scim_id = NULL WHERE scim_id = ?`,
  ).run(at.toISOString(), at.toISOString(), id);
  appendAudit(db, at, {
    actor: 'scim',
    action: 'role_change',
    comment: `${row.email}: deprovisioned`,
  });
  return true;
}

export function scimGroup(db: Db, id: string): ScimGroupRecord | undefined {
  const row = db.prepare('SELECT * FROM scim_groups WHERE id = ?').get(id) as
    ScimGroupRow | undefined;
  if (row === undefined) return undefined;
  const members = db
    .prepare(
      `SELECT u.scim_id AS id, coalesce(u.user_name, u.email) AS userName FROM scim_members m
       JOIN users u ON u.scim_id = m.user_id WHERE m.group_id = ? ORDER BY u.scim_id`,
    )
    .all(id) as { id: string; userName: string }[];
  return scimGroupRecord(row, members);
}

export const scimGroups = (db: Db, query: ScimQuery) =>
  page(db, 'scim_groups', 'id', filterColumn(scimGroupFilterColumns, query.filter), query, (id) =>
    scimGroup(db, id),
  );

const memberIds = (db: Db, groupId: string) =>
  (
    db.prepare('SELECT user_id FROM scim_members WHERE group_id = ?').all(groupId) as {
      user_id: string;
    }[]
  ).map((r) => r.user_id);

export function scimWriteGroup(
  db: Db,
  id: string | undefined,
  decide: ScimDecider<ScimGroupRecord, ScimGroupWrite>,
  assign: GroupAssigner,
  at: Date,
): ScimGroupRecord | undefined {
  const current = id === undefined ? undefined : scimGroup(db, id);
  if (id !== undefined && current === undefined) return undefined;
  const write = decide(current);
  const groupId = id ?? newScimId();
  const stamp = at.toISOString();
  db.prepare(
    `INSERT INTO scim_groups (id, display_name, external_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,
       external_id = excluded.external_id, updated_at = excluded.updated_at`,
  ).run(groupId, write.displayName, write.externalId ?? null, stamp, stamp);
  const before = memberIds(db, groupId);
  db.prepare('DELETE FROM scim_members WHERE group_id = ?').run(groupId);
  const add = db.prepare(
    `INSERT OR IGNORE INTO scim_members (group_id, user_id)
     SELECT ?, scim_id FROM users WHERE scim_id = ?`,
  );
  for (const member of write.members) add.run(groupId, member);
  for (const user of new Set([...before, ...memberIds(db, groupId)]))
    reassign(db, user, assign, at);
  return scimGroup(db, groupId);
}

export function scimDeleteGroup(db: Db, id: string, assign: GroupAssigner, at: Date): boolean {
  const members = memberIds(db, id);
  const deleted = db.prepare('DELETE FROM scim_groups WHERE id = ?').run(id).changes === 1;
  db.prepare('DELETE FROM scim_members WHERE group_id = ?').run(id);
  for (const user of members) reassign(db, user, assign, at);
  return deleted;
}
