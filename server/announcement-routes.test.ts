import { beforeEach, describe, expect, it } from 'vitest';
import { withTestApp } from './test-app';
import { announcement, article, testBackends, tokenFor } from './test-fixtures';

describe.each(testBackends())('announcements on $name', (backend) => {
  const { t, get, send } = withTestApp(backend);
  let author: string;
  let otherTeam: string;
  beforeEach(async () => {
    author = await tokenFor(t.env.store, 'author@example.com', 'author');
    otherTeam = await tokenFor(t.env.store, 'apac@example.com', 'learner', 'apac');
  });

  const counts = async (id: string) =>
    (await (await get(`/v1/items/${id}/acknowledgements`, author)).json()) as {
      audience: number;
      acknowledged: number;
      people: { email: string; at: string }[];
    };

  it('counts a learner’s acknowledgement once, at the store’s clock, however often it is sent', async () => {
    await t.env.store.upsertItem(announcement('refund-approvals', { teams: ['emea'] }), 'ops');
    const first = await send('POST', '/v1/items/refund-approvals/acknowledge', t.learner);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      item: 'refund-approvals',
      at: '2026-06-15T09:30:00.000Z',
    });
    expect((await send('POST', '/v1/items/refund-approvals/acknowledge', t.learner)).status).toBe(
      200,
    );
    // The audience is team emea: the learner and nobody else (the admin has no team).
    expect(await counts('refund-approvals')).toEqual({
      item: 'refund-approvals',
      acknowledge: true,
      audience: 1,
      acknowledged: 1,
      people: [{ email: 'learner@example.com', at: '2026-06-15T09:30:00.000Z' }],
    });
  });

  it('refuses an acknowledgement from outside the audience as if the item did not exist', async () => {
    await t.env.store.upsertItem(announcement('emea-only', { teams: ['emea'] }), 'ops');
    const res = await send('POST', '/v1/items/emea-only/acknowledge', otherTeam);
    expect(res.status).toBe(404);
    expect((await counts('emea-only')).acknowledged).toBe(0);
  });

  it('refuses to acknowledge a draft announcement, an article, or one that asks for no acknowledgement', async () => {
    await t.env.store.upsertItem(announcement('draft-news', { status: 'draft' }), 'ops');
    await t.env.store.upsertItem(article('plain-article'), 'ops');
    await t.env.store.upsertItem(announcement('fyi', { acknowledge: false }), 'ops');
    expect((await send('POST', '/v1/items/draft-news/acknowledge', t.learner)).status).toBe(404);
    const wrongType = await send('POST', '/v1/items/plain-article/acknowledge', t.learner);
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { message: string }).message).toBe(
      '"plain-article" is not an announcement readers acknowledge',
    );
    expect((await send('POST', '/v1/items/fyi/acknowledge', t.learner)).status).toBe(400);
  });

  it('counts everyone of the targeted teams as the audience, whatever job roles it names', async () => {
    await tokenFor(t.env.store, 'emea-author@example.com', 'author', 'emea');
    await t.env.store.upsertItem(
      announcement('for-emea', { teams: ['emea'], roles: ['support-agent'] }),
      'ops',
    );
    await send('POST', '/v1/items/for-emea/acknowledge', t.learner);
    const view = await counts('for-emea');
    // learner@ and emea-author@ (team emea); not the admin, the author or apac@.
    expect([view.audience, view.acknowledged]).toEqual([2, 1]);
  });

  it('counts every active user when no team is targeted', async () => {
    await t.env.store.upsertItem(announcement('for-all'), 'ops');
    // learner, admin, author, apac
    expect((await counts('for-all')).audience).toBe(4);
  });

  it('says which item is missing when asked for the count of an unknown one', async () => {
    const res = await get('/v1/items/nothing-here/acknowledgements', author);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe('no item "nothing-here"');
  });
});
