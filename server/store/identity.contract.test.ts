import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupAssigner } from '../identity/groups';
import { testBackends, tokenFor, type TempStore } from '../test-fixtures';
import { ScimConflictError } from './identity-plans';
import type { IdentityClaims, ScimUserWrite } from './identity-types';

const assign = groupAssigner({
  roles: new Map([
    ['Waymark Authors', 'author'],
    ['Waymark Admins', 'admin'],
  ]),
  teams: new Map([
    ['Support Tier 1', 'tier1'],
    ['EMEA', 'emea'],
  ]),
  defaultRole: 'learner',
});

const claims = (fields: Partial<IdentityClaims> = {}): IdentityClaims => ({
  issuer: 'https://idp.example.com',
  subject: 'sub-ana',
  email: 'ana@example.com',
  groups: ['Support Tier 1'],
  ...fields,
});

const scimWrite = (fields: Partial<ScimUserWrite> = {}): ScimUserWrite => ({
  userName: 'bo@example.com',
  email: 'bo@example.com',
  externalId: 'ext-bo',
  displayName: 'Bo Berg',
  active: true,
  ...fields,
});

/** The identity part of the Store contract (server/store/identity-types.ts), on each backend. */
describe.each(testBackends())('Store identity on $name', (backend) => {
  let env: TempStore;
  beforeEach(async () => (env = await backend.open()));
  afterEach(() => env.cleanup());

  it('creates a user at the first sign-in with the role and team their groups map to', async () => {
    const outcome = await env.store.signIn(claims(), assign, { create: true });
    expect(outcome).toEqual({
      ok: true,
      user: { email: 'ana@example.com', role: 'learner', team: 'tier1' },
    });
    expect((await env.store.queryAudit({ limit: 5 })).entries[0]).toMatchObject({
      actor: 'oidc',
      comment: 'ana@example.com: added as learner (team tier1)',
    });
  });

  it('changes the team and role when the groups claim changes, and keeps them without one', async () => {
    await env.store.signIn(claims(), assign, { create: true });
    const moved = await env.store.signIn(claims({ groups: ['EMEA', 'Waymark Authors'] }), assign, {
      create: true,
    });
    expect(moved).toMatchObject({ ok: true, user: { role: 'author', team: 'emea' } });
    const kept = await env.store.signIn(claims({ groups: undefined }), assign, { create: true });
    expect(kept).toMatchObject({ ok: true, user: { role: 'author', team: 'emea' } });
  });

  it('refuses an unknown person when users are not created at sign-in', async () => {
    expect(await env.store.signIn(claims(), assign, { create: false })).toMatchObject({
      ok: false,
      reason: 'unknown',
    });
    expect(await env.store.listUsers()).toEqual([]);
  });

  it('links a user the CLI added by email, and never a user linked to another subject', async () => {
    await tokenFor(env.store, 'Ana@Example.com', 'reviewer', 'emea');
    const linked = await env.store.signIn(claims({ groups: undefined }), assign, { create: true });
    expect(linked).toEqual({
      ok: true,
      user: { email: 'Ana@Example.com', role: 'reviewer', team: 'emea' },
    });
    const other = await env.store.signIn(claims({ subject: 'someone-else' }), assign, {
      create: true,
    });
    expect(other).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('provisions a user by SCIM, finds them by userName, and disables them', async () => {
    const bo = (await env.store.scimWriteUser(undefined, () => scimWrite(), assign))!;
    expect(bo).toMatchObject({ userName: 'bo@example.com', active: true, role: 'learner' });
    const found = await env.store.scimUsers({
      filter: { attribute: 'userName', value: 'BO@example.com' },
      startIndex: 1,
      count: 10,
    });
    expect(found.total).toBe(1);
    expect(found.resources[0]?.id).toBe(bo.id);
    await env.store.scimWriteUser(bo.id, (c) => ({ ...scimWrite(), ...c, active: false }), assign);
    expect((await env.store.scimUser(bo.id))?.active).toBe(false);
    const signIn = await env.store.signIn(
      claims({ subject: 'sub-bo', email: 'bo@example.com' }),
      assign,
      { create: true },
    );
    expect(signIn).toMatchObject({ ok: false, reason: 'disabled' });
  });

  it("stops a disabled user's opaque token at once", async () => {
    const token = await tokenFor(env.store, 'bo@example.com', 'learner');
    const bo = (await env.store.scimWriteUser(undefined, () => scimWrite(), assign))!;
    expect(await env.store.userForToken(token)).toMatchObject({ email: 'bo@example.com' });
    await env.store.scimWriteUser(bo.id, (c) => ({ ...scimWrite(), ...c, active: false }), assign);
    expect(await env.store.userForToken(token)).toBeUndefined();
  });

  it('finds an active user by email for a web session, and not once SCIM disables them', async () => {
    expect(await env.store.activeUser('bo@example.com')).toBeUndefined();
    const bo = (await env.store.scimWriteUser(undefined, () => scimWrite(), assign))!;
    expect(await env.store.activeUser('bo@example.com')).toEqual({
      email: 'bo@example.com',
      role: 'learner',
      team: undefined,
    });
    await env.store.scimWriteUser(bo.id, (c) => ({ ...scimWrite(), ...c, active: false }), assign);
    expect(await env.store.activeUser('bo@example.com')).toBeUndefined();
  });

  it('refuses a second SCIM user with the same userName', async () => {
    await env.store.scimWriteUser(undefined, () => scimWrite(), assign);
    await expect(
      env.store.scimWriteUser(undefined, () => scimWrite({ externalId: 'x' }), assign),
    ).rejects.toThrow(ScimConflictError);
  });

  it("sets members' teams and roles from their SCIM groups, and takes them away with the group", async () => {
    const bo = (await env.store.scimWriteUser(undefined, () => scimWrite(), assign))!;
    const group = (await env.store.scimWriteGroup(
      undefined,
      () => ({ displayName: 'EMEA', externalId: 'g-1', members: [bo.id, 'unknown-id'] }),
      assign,
    ))!;
    expect(group.members).toEqual([{ id: bo.id, userName: 'bo@example.com' }]);
    expect(await env.store.scimUser(bo.id)).toMatchObject({
      team: 'emea',
      groups: [{ id: group.id, displayName: 'EMEA' }],
    });
    expect(await env.store.scimDeleteGroup(group.id, assign)).toBe(true);
    expect((await env.store.scimUser(bo.id))?.team).toBeUndefined();
    expect(await env.store.scimGroup(group.id)).toBeUndefined();
  });

  it('forgets a deleted SCIM user: not found again, and disabled', async () => {
    const bo = (await env.store.scimWriteUser(undefined, () => scimWrite(), assign))!;
    expect(await env.store.scimDeleteUser(bo.id)).toBe(true);
    expect(await env.store.scimUser(bo.id)).toBeUndefined();
    expect(await env.store.scimDeleteUser(bo.id)).toBe(false);
    expect((await env.store.listUsers()).map((u) => u.email)).toEqual(['bo@example.com']);
  });

  it('counts an acknowledgement once, keeping the first time', async () => {
    const first = await env.store.acknowledge('policy', 'Ana@example.com');
    await env.store.acknowledge('policy', 'ana@example.com');
    await env.store.acknowledge('policy', 'bo@example.com');
    expect(first).toEqual({ email: 'ana@example.com', at: '2026-06-15T09:30:00.000Z' });
    expect(await env.store.acknowledgements('policy')).toEqual([
      { email: 'ana@example.com', at: '2026-06-15T09:30:00.000Z' },
      { email: 'bo@example.com', at: '2026-06-15T09:30:00.000Z' },
    ]);
    expect(await env.store.acknowledgements('other')).toEqual([]);
  });
});
