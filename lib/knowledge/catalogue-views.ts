import {
  chooseVersions,
  groupOf,
  inUserLanguage,
  type LanguagePreference,
} from './language-versions';
import type { Item } from '@/lib/content-model';
import { allApps, allItems, allProgress, allPublishedItems, type WaymarkDatabase } from '@/lib/db';
import type { PathView, TargetingOptions } from '@/lib/messages';
import { fitsAudience } from './page-ranking';

/** The catalogue's apps and screens, and the roles and teams the content names, sorted. */
export async function targetingOptions(db: WaymarkDatabase): Promise<TargetingOptions> {
  const items = await allItems(db);
  const named = (pick: (t: Item['targeting']) => string[]) =>
    [...new Set(items.flatMap((item) => pick(item.targeting)))].sort();
  return {
    apps: (await allApps(db))
      .map((app) => ({
        id: app.id,
        name: app.name,
        screens: app.screens.map((screen) => ({ id: screen.id, name: screen.name })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    roles: named((t) => t.roles),
    teams: named((t) => t.teams),
  };
}

/** Learning paths for this learner, each lesson with whether it was passed. */
export async function learningPaths(
  db: WaymarkDatabase,
  audience: { role?: string | undefined; team?: string | undefined },
  language: LanguagePreference = { user: 'en', orgDefault: 'en' },
): Promise<PathView[]> {
  const all = await allPublishedItems(db);
  // One version of each path and lesson, in the learner's language; a path lists its lessons by
  // their source ids, each shown in the learner's version.
  const { chosen } = chooseVersions(all, language);
  const items = inUserLanguage(all, language);
  const groupOfId = new Map(all.map((item) => [item.id, groupOf(item)]));
  const done = new Set(
    (await allProgress(db)).filter((p) => p.completedAt !== undefined).map((p) => p.lessonId),
  );
  return items
    .filter((item) => item.type === 'path' && fitsAudience(item, audience))
    .map((path) => ({
      id: path.id,
      title: path.title,
      summary: path.summary,
      lessons: (path.type === 'path' ? path.lessons : [])
        .map((id) => chosen.get(groupOfId.get(id) ?? id))
        .filter((l): l is Item => l !== undefined)
        .map((lesson) => ({ id: lesson.id, title: lesson.title, completed: done.has(lesson.id) })),
    }));
}
