import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Template } from '@/lib/content-model';
import { seedFromContent, SeedRefusedError, type LoadedContentLike } from './seed';
import { appDef, article, template, testBackends, type TempStore } from './test-fixtures';

describe.each(testBackends())('on $name', (backend) => {
  let env: TempStore;
  beforeEach(async () => (env = await backend.open()));
  afterEach(() => env.cleanup());

  const content = (extra: Record<string, unknown> = {}) =>
    ({
      apps: [{ value: appDef('desk') }],
      items: [{ value: article('a') }],
      templates: [{ value: template('screen-tip') }],
      problems: [],
      ...extra,
    }) as unknown as LoadedContentLike;
  const loader = (loaded: LoadedContentLike) => () => Promise.resolve(loaded);
  const refuse = () => Promise.reject(new Error('content/ should not be read'));
  const templateIds = async () => (await env.store.listTemplates()).map((t: Template) => t.id);

  describe('seedFromContent', () => {
    it('returns the counts and stores everything when the database is empty', async () => {
      const seeded = await seedFromContent(env.store, 'content', loader(content()));
      expect(seeded).toEqual({ apps: 1, items: 1, templates: 1 });
      expect((await env.store.getItem('a'))?.title).toBe('Article a');
      expect(await templateIds()).toEqual(['screen-tip']);
    });

    it('returns undefined without loading when the database has content and templates', async () => {
      await seedFromContent(env.store, 'content', loader(content()));
      expect(await seedFromContent(env.store, 'content', refuse)).toBeUndefined();
    });

    it('gives a database from before templates the templates only, whatever else content/ holds', async () => {
      await env.store.upsertItem(article('kept', { version: 4 }), undefined);
      const newer = content({
        items: [{ value: article('kept', { version: 9 }) }, { value: article('new') }],
        problems: [{ file: 'content/articles/broken.md', line: 1, message: 'bad' }],
      });
      const seeded = await seedFromContent(env.store, 'content', loader(newer));
      expect(seeded).toEqual({ apps: 0, items: 0, templates: 1 });
      expect((await env.store.getItem('kept'))?.version).toBe(4);
      expect(await env.store.getItem('new')).toBeUndefined();
      expect(await templateIds()).toEqual(['screen-tip']);
    });

    it('seeds templates once: a later start does not read content/ again, even if none were seeded', async () => {
      await env.store.upsertApp(appDef('desk'));
      expect(
        await seedFromContent(env.store, 'content', loader(content({ templates: [] }))),
      ).toBeUndefined();
      expect(await seedFromContent(env.store, 'content', refuse)).toBeUndefined();
    });

    it('refuses to top up templates from a templates/ folder with problems', async () => {
      await env.store.upsertApp(appDef('desk'));
      const problems = [{ file: 'content/templates/tip.md', line: 3, message: 'bad' }];
      const refused = seedFromContent(env.store, 'content', loader(content({ problems })));
      await expect(refused).rejects.toThrow(SeedRefusedError);
      expect(await templateIds()).toEqual([]);
    });

    it('throws SeedRefusedError listing every problem when the content has problems', async () => {
      const problems = [
        { file: 'a.md', line: 1, message: 'bad' },
        { file: 'b.md', line: 2, message: 'worse' },
      ];
      const refused = seedFromContent(env.store, 'content', loader(content({ problems })));
      await expect(refused).rejects.toThrow(SeedRefusedError);
      await refused.catch((e: SeedRefusedError) =>
        expect(e.problems).toEqual(['a.md:1: bad', 'b.md:2: worse']),
      );
      expect(await env.store.isEmpty()).toBe(true);
      expect(await templateIds()).toEqual([]);
    });
  });
});
