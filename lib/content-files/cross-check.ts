import type { AppDefinition, Item } from '@/lib/content-model';
import type { Located } from './parse';
import type { Problem } from './problem';
import { checkTranslations } from './translation-check';

/**
 * Problems that only show across files: duplicate ids, targeting that names an app or screen the
 * catalogue lacks, path lessons that do not exist, lesson steps waiting for an unknown screen,
 * translations that link to no source or repeat a language (translation-check.ts).
 */
export function crossCheck(
  apps: Located<AppDefinition>[],
  items: Located<Item>[],
  /** Apps whose own file failed: references to them are not reported again. */
  brokenAppIds: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const screensByApp = new Map(
    apps.map((a) => [a.value.id, new Set(a.value.screens.map((s) => s.id))]),
  );

  const firstById = new Map<string, Located<Item>>();
  for (const located of items) {
    const earlier = firstById.get(located.value.id);
    if (earlier === undefined) firstById.set(located.value.id, located);
    else {
      problems.push({
        file: located.file,
        line: located.lineOf(['id']),
        message: `duplicate id "${located.value.id}" (also used by ${earlier.file}:${earlier.lineOf(['id'])})`,
      });
    }
  }

  const checkScreen = (
    located: Located<Item>,
    ref: string,
    path: PropertyKey[],
    listedApps?: string[],
  ): void => {
    const [appId = '', screenId = ''] = ref.split(':');
    if (brokenAppIds.has(appId)) return;
    const screens = screensByApp.get(appId);
    const line = located.lineOf(path);
    if (screens === undefined)
      problems.push({
        file: located.file,
        line,
        message: `screen "${ref}": no app "${appId}" in content/apps/`,
      });
    else if (!screens.has(screenId))
      problems.push({
        file: located.file,
        line,
        message: `screen "${ref}": app "${appId}" has no screen "${screenId}" (it has ${[...screens].join(', ')})`,
      });
    else if (listedApps !== undefined && !listedApps.includes(appId))
      problems.push({
        file: located.file,
        line,
        message: `screen "${ref}" belongs to app "${appId}", which targeting.apps does not list`,
      });
  };

  for (const located of items) {
    const { value: item } = located;
    item.targeting.apps.forEach((appId, i) => {
      if (!screensByApp.has(appId) && !brokenAppIds.has(appId))
        problems.push({
          file: located.file,
          line: located.lineOf(['targeting', 'apps', i]),
          message: `targeting.apps: no app "${appId}" in content/apps/`,
        });
    });
    item.targeting.screens.forEach((ref, i) =>
      checkScreen(located, ref, ['targeting', 'screens', i], item.targeting.apps),
    );
    if (item.type === 'lesson') {
      item.steps.forEach((step, i) => {
        if (step.done_when !== undefined && 'screen' in step.done_when)
          checkScreen(located, step.done_when.screen, ['steps', i, 'done_when', 'screen']);
      });
    }
    if (item.type === 'path') {
      item.lessons.forEach((id, i) => {
        const target = firstById.get(id);
        if (target?.value.type !== 'lesson') {
          problems.push({
            file: located.file,
            line: located.lineOf(['lessons', i]),
            message:
              target === undefined
                ? `lessons: no lesson "${id}"`
                : `lessons: "${id}" is a ${target.value.type}, not a lesson`,
          });
        }
      });
    }
  }
  problems.push(...checkTranslations(items, firstById));
  return problems;
}
