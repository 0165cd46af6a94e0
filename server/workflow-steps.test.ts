import { beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '@/lib/content-model';
import { withTestApp } from './test-app';
import { article, testBackends, tip, tokenFor } from './test-fixtures';

/** Each workflow step's refusals (status, error, message) and audit rows, over HTTP. */
describe.each(testBackends())('on $name', (backend) => {
  const { t, get, send } = withTestApp(backend);
  const tokens = {} as Record<'author' | 'reviewer' | 'reviewer2', string>;
  beforeEach(async () => {
    for (const name of ['author', 'reviewer', 'reviewer2'] as const)
      tokens[name] = await tokenFor(
        t.env.store,
        `${name}@example.com`,
        name === 'author' ? 'author' : 'reviewer',
      );
  });

  const draft = (id: string, fields: Record<string, unknown> = {}) => {
    const { status, version, updated_at, owner, verify_by, ...rest } = article(id, fields);
    void [status, version, updated_at, owner, verify_by];
    return { ...rest, ...fields };
  };
  async function ok(response: Response | Promise<Response>, status = 200): Promise<Item> {
    const res = await response;
    const json = (await res.json()) as Item;
    expect(res.status, JSON.stringify(json)).toBe(status);
    return json;
  }
  async function refusal(response: Response | Promise<Response>) {
    const res = await response;
    return { status: res.status, ...((await res.json()) as { error: string; message: string }) };
  }
  async function publish(id: string, fields: Record<string, unknown> = {}): Promise<Item> {
    await ok(send('POST', '/v1/items', tokens.author, draft(id, fields)), 201);
    await ok(send('POST', `/v1/items/${id}/submit`, tokens.author));
    return ok(send('POST', `/v1/items/${id}/approve`, tokens.reviewer));
  }
  async function audit(id: string) {
    const res = await get(`/v1/audit?item=${id}`, t.admin);
    const { entries } = (await res.json()) as {
      entries: { action: string; comment: string | null; version: number }[];
    };
    return entries.reverse().map((e) => [e.action, e.comment ?? undefined, e.version]);
  }

  it('writes one audit row per step, with the comments given or the restored version', async () => {
    await publish('doc');
    await ok(
      send('PUT', '/v1/items/doc', tokens.author, {
        ...draft('doc', { body: 'New.' }),
        version: 3,
      }),
    );
    await ok(send('POST', '/v1/items/doc/archive', tokens.reviewer, { comment: 'Superseded' }));
    await ok(send('POST', '/v1/items/doc/rollback', tokens.reviewer, { version: 3 }));
    await ok(send('POST', '/v1/items/doc/verify', tokens.author));
    await ok(
      send('POST', '/v1/items/doc/rollback', tokens.reviewer, { version: 3, comment: 'Again' }),
    );
    expect(await audit('doc')).toEqual([
      ['create', undefined, 1],
      ['submit', undefined, 2],
      ['approve', undefined, 3],
      ['publish', undefined, 3],
      ['edit', undefined, 4],
      ['archive', 'Superseded', 5],
      ['rollback', 'restored version 3', 6],
      ['verify', undefined, 7],
      ['rollback', 'Again', 8],
    ]);
  });

  it('creates an item straight into review with ?submit=true, audited as create and submit', async () => {
    const item = await ok(send('POST', '/v1/items?submit=true', tokens.author, draft('fast')), 201);
    expect(item).toMatchObject({ status: 'in_review', version: 1 });
    expect(await audit('fast')).toEqual([
      ['create', undefined, 1],
      ['submit', undefined, 1],
    ]);
  });

  it('rolls back from a draft or from review to a published version', async () => {
    await publish('doc');
    await ok(
      send('PUT', '/v1/items/doc', tokens.author, {
        ...draft('doc', { body: 'Two.' }),
        version: 3,
      }),
    );
    expect(
      await ok(send('POST', '/v1/items/doc/rollback', tokens.reviewer, { version: 3 })),
    ).toMatchObject({ status: 'published', version: 5 });
    await ok(
      send('PUT', '/v1/items/doc', tokens.author, {
        ...draft('doc', { body: 'Three.' }),
        version: 5,
      }),
    );
    await ok(send('POST', '/v1/items/doc/submit', tokens.author));
    expect(
      await ok(send('POST', '/v1/items/doc/rollback', tokens.reviewer, { version: 3 })),
    ).toMatchObject({ status: 'published', version: 8 });
  });

  it('returns an unchanged item, at the same version, for an edit that changes nothing', async () => {
    const published = await publish('doc');
    const same = await ok(send('PUT', '/v1/items/doc', tokens.author, published));
    expect(same).toMatchObject({ status: 'published', version: 3 });
  });

  it('keeps a later verify-by date the author set, and replaces an earlier one on approval', async () => {
    expect(await publish('later', { verify_by: '2027-01-01' })).toMatchObject({
      verify_by: '2027-01-01',
    });
    expect(await publish('sooner', { verify_by: '2026-07-01' })).toMatchObject({
      verify_by: '2026-09-13', // TEST_NOW (2026-06-15) + 90 days
    });
  });

  it('names what is wrong in each refusal', async () => {
    await publish('doc');
    expect(await refusal(send('POST', '/v1/items/ghost/submit', tokens.author))).toEqual({
      status: 404,
      error: 'not_found',
      message: 'no item "ghost"',
    });
    expect(await refusal(send('POST', '/v1/items', tokens.author, draft('doc')))).toMatchObject({
      status: 409,
      message: 'item "doc" already exists; edit it',
    });
    expect(await refusal(send('PUT', '/v1/items/doc', tokens.author, draft('doc')))).toEqual({
      status: 400,
      error: 'bad_request',
      message: 'version: send If-Match: <version> or "version"',
    });
    expect(
      await refusal(send('PUT', '/v1/items/doc', tokens.author, { ...draft('doc'), version: 2 })),
    ).toMatchObject({
      status: 409,
      message: 'item "doc" changed since version 2; it is at version 3',
    });
    expect(
      await refusal(send('POST', '/v1/items/doc/archive', tokens.reviewer, { version: 2 })),
    ).toMatchObject({
      status: 409,
      message: 'item "doc" changed since version 2; it is at version 3',
    });
    expect(await refusal(send('POST', '/v1/items/doc/submit', tokens.author))).toMatchObject({
      status: 409,
      message: 'item "doc" is published; submit needs draft',
    });
    // A step allowed from several statuses names them all.
    await ok(send('POST', '/v1/items/doc/archive', tokens.reviewer));
    expect(await refusal(send('POST', '/v1/items/doc/archive', tokens.reviewer))).toMatchObject({
      status: 409,
      message: 'item "doc" is archived; archive needs draft or in_review or published',
    });
    await ok(send('POST', '/v1/items/doc/rollback', tokens.reviewer, { version: 3 }));
    expect(await refusal(send('POST', '/v1/items/doc/verify', tokens.reviewer))).toEqual({
      status: 403,
      error: 'forbidden',
      message: 'only the owner (author@example.com) or an admin can verify "doc"',
    });
  });

  it('refuses to change an item’s type, a blank change request, and rollbacks to missing or unpublished versions', async () => {
    await publish('doc');
    // A valid tip (the schema passes it), so the refusal is the type check's.
    const { status, owner, updated_at, verify_by, ...asTip } = tip('doc');
    void [status, owner, updated_at, verify_by];
    expect(
      await refusal(send('PUT', '/v1/items/doc', tokens.author, { ...asTip, version: 3 })),
    ).toEqual({
      status: 400,
      error: 'bad_request',
      message: 'type: item "doc" is of type article; an edit cannot make it a tip',
    });
    await ok(
      send('PUT', '/v1/items/doc', tokens.author, {
        ...draft('doc', { body: 'Two.' }),
        version: 3,
      }),
    );
    await ok(send('POST', '/v1/items/doc/submit', tokens.author));
    expect(
      await refusal(
        send('POST', '/v1/items/doc/request-changes', tokens.reviewer, { comment: '  ' }),
      ),
    ).toEqual({ status: 400, error: 'bad_request', message: 'comment: say what needs to change' });
    expect(
      await refusal(send('POST', '/v1/items/doc/rollback', tokens.reviewer, { version: 99 })),
    ).toEqual({ status: 400, error: 'bad_request', message: 'version: "doc" has no 99' });
    expect(
      await refusal(send('POST', '/v1/items/doc/rollback', tokens.reviewer, { version: 1 })),
    ).toEqual({
      status: 400,
      error: 'bad_request',
      message: 'version: 1 was never published (it is a draft)',
    });
  });
});
