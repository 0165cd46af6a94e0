import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identityConfig, identityFileSchema } from '../identity/config';
import { withTestApp } from '../test-app';
import { testBackends, tokenFor } from '../test-fixtures';

const SCIM_TOKEN = 'scim-test-token-0123456789abcdef0123456789';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const identity = identityConfig(
  identityFileSchema.parse({
    groups: { roles: { 'Waymark Authors': 'author' }, teams: { 'Support Tier 1': 'tier1' } },
  }),
  { scimToken: SCIM_TOKEN },
  sha256,
);

// Request bodies as Entra ID and Okta document them (their SCIM provisioning guides).
const entraUser = {
  schemas: [
    'urn:ietf:params:scim:schemas:core:2.0:User',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  ],
  externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
  userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
  active: true,
  emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b@testuser.com' }],
  meta: { resourceType: 'User' },
  name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
  roles: [],
};
const oktaUser = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: 'test.user@okta.local',
  name: { givenName: 'Test', familyName: 'User' },
  emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
  displayName: 'Test User',
  locale: 'en-US',
  externalId: '00ujl29u0le5T6Aj10h7',
  groups: [],
  password: '1mz050nq',
  active: true,
};
const patchOp = (Operations: unknown[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations,
});

describe.each(testBackends())('SCIM on $name', (backend) => {
  const { t, get, send } = withTestApp(backend, { identity });
  const scim = (method: string, path: string, body?: unknown, token = SCIM_TOKEN) =>
    send(method, `/scim/v2${path}`, token, body);
  const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

  it('refuses a request without the SCIM token, and an API token is not one', async () => {
    const res = await scim('GET', '/Users', undefined, t.admin);
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });
  });

  it("creates Entra's user, finds them by userName, and disables them with Entra's patch", async () => {
    const created = await scim('POST', '/Users', entraUser);
    expect(created.status).toBe(201);
    expect(created.headers.get('Content-Type')).toBe('application/scim+json');
    const user = await json(created);
    expect(user).toMatchObject({
      userName: entraUser.userName,
      externalId: entraUser.externalId,
      displayName: 'givenName familyName',
      emails: [{ value: 'test_user_fd0ea19b@testuser.com', primary: true }],
      active: true,
    });
    const filter = encodeURIComponent(`userName eq "${entraUser.userName}"`);
    const found = await json(await scim('GET', `/Users?filter=${filter}`));
    expect(found).toMatchObject({ totalResults: 1, Resources: [{ id: user.id }] });
    const disabled = await scim(
      'PATCH',
      `/Users/${String(user.id)}`,
      patchOp([{ op: 'Replace', path: 'active', value: 'False' }]),
    );
    expect(await json(disabled)).toMatchObject({ active: false });
  });

  it("stops a user's API token at once when Okta deactivates them", async () => {
    const token = await tokenFor(t.env.store, 'test.user@okta.local', 'learner');
    expect((await get('/v1/me', token)).status).toBe(200);
    const user = await json(await scim('POST', '/Users', oktaUser));
    const res = await scim(
      'PATCH',
      `/Users/${String(user.id)}`,
      patchOp([{ op: 'replace', value: { active: false } }]),
    );
    expect(res.status).toBe(200);
    expect((await get('/v1/me', token)).status).toBe(401);
  });

  it('answers 409 uniqueness for a second user with the same userName', async () => {
    await scim('POST', '/Users', oktaUser);
    const res = await scim('POST', '/Users', { ...oktaUser, externalId: 'other' });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ scimType: 'uniqueness' });
  });

  it('names the field when a user has no email address', async () => {
    const res = await scim('POST', '/Users', { ...entraUser, emails: [] });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({
      scimType: 'invalidValue',
      detail: `"${entraUser.userName}" is not an email address (emails or userName)`,
    });
  });

  it('refuses a filter on an attribute it cannot filter rather than listing everyone', async () => {
    await scim('POST', '/Users', oktaUser);
    const res = await scim('GET', `/Users?filter=${encodeURIComponent('title eq "x"')}`);
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ scimType: 'invalidFilter' });
  });

  it("puts Okta's group members in the team it maps to, and takes them out with Okta's remove", async () => {
    const user = await json(await scim('POST', '/Users', oktaUser));
    const group = await json(
      await scim('POST', '/Groups', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'Support Tier 1',
        members: [],
      }),
    );
    const id = String(group.id);
    const userId = String(user.id);
    const add = patchOp([
      { op: 'add', path: 'members', value: [{ value: userId, display: 'test.user@okta.local' }] },
    ]);
    expect((await scim('PATCH', `/Groups/${id}`, add)).status).toBe(204);
    expect(await t.env.store.listUsers()).toContainEqual(
      expect.objectContaining({ email: 'test.user@okta.local', team: 'tier1' }),
    );
    const remove = patchOp([{ op: 'remove', path: `members[value eq "${userId}"]` }]);
    expect((await scim('PATCH', `/Groups/${id}`, remove)).status).toBe(204);
    expect(await json(await scim('GET', `/Groups/${id}`))).toMatchObject({ members: [] });
    expect(await json(await scim('GET', `/Users/${userId}`))).toMatchObject({ groups: [] });
  });

  it("makes Entra's group members authors, renames the group, and removes a member Entra's way", async () => {
    const user = await json(await scim('POST', '/Users', entraUser));
    const userId = String(user.id);
    const group = await json(
      await scim('POST', '/Groups', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
        displayName: 'Waymark Authors',
        members: [{ value: userId }],
      }),
    );
    const id = String(group.id);
    const users = () => t.env.store.listUsers();
    expect(await users()).toContainEqual(expect.objectContaining({ role: 'author' }));
    await scim(
      'PATCH',
      `/Groups/${id}`,
      patchOp([{ op: 'Replace', path: 'displayName', value: 'Renamed' }]),
    );
    expect(await users()).not.toContainEqual(expect.objectContaining({ role: 'author' }));
    const listed = await json(
      await scim(
        'GET',
        `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Renamed"')}`,
      ),
    );
    expect(listed).toMatchObject({ totalResults: 1, Resources: [{ id, displayName: 'Renamed' }] });
    expect((listed.Resources as object[])[0]).not.toHaveProperty('members');
    await scim(
      'PATCH',
      `/Groups/${id}`,
      patchOp([{ op: 'Remove', path: 'members', value: [{ value: userId }] }]),
    );
    expect(await json(await scim('GET', `/Groups/${id}`))).toMatchObject({ members: [] });
  });

  it('deletes a user: 204, then 404, and their token no longer works', async () => {
    const token = await tokenFor(t.env.store, 'test.user@okta.local', 'learner');
    const user = await json(await scim('POST', '/Users', oktaUser));
    expect((await scim('DELETE', `/Users/${String(user.id)}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${String(user.id)}`)).status).toBe(404);
    expect((await get('/v1/me', token)).status).toBe(401);
  });
});

describe('SCIM without a token configured', () => {
  const { send } = withTestApp();
  it('is not there at all', async () => {
    expect((await send('GET', '/scim/v2/Users', SCIM_TOKEN)).status).toBe(404);
  });
});
