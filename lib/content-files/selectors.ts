import type { AppDefinition, Item } from '@/lib/content-model';
import type { Located } from './parse';
import type { Problem } from './problem';

export type SelectorValidator = (selector: string) => string | undefined;

/** Every CSS selector the content carries, with where it is, for a syntax check. */
function* selectorsOf(
  apps: Located<AppDefinition>[],
  items: Located<Item>[],
): Generator<{ located: Located<unknown>; selector: string; path: PropertyKey[] }> {
  for (const located of apps) {
    for (const [s, screen] of located.value.screens.entries()) {
      for (const [r, rule] of screen.dom.entries()) {
        const selector =
          'exists' in rule ? rule.exists : 'absent' in rule ? rule.absent : rule.selector;
        const key = 'exists' in rule ? 'exists' : 'absent' in rule ? 'absent' : 'selector';
        yield { located, selector, path: ['screens', s, 'dom', r, key] };
      }
      for (const [name, list] of Object.entries(screen.context)) {
        for (const [i, selector] of list.entries())
          yield { located, selector, path: ['screens', s, 'context', name, i] };
      }
    }
  }
  for (const located of items) {
    if (located.value.type !== 'lesson') continue;
    for (const [i, step] of located.value.steps.entries()) {
      if (step.done_when !== undefined && 'element' in step.done_when) {
        yield {
          located,
          selector: step.done_when.element,
          path: ['steps', i, 'done_when', 'element'],
        };
      }
    }
  }
}

export function checkSelectors(
  apps: Located<AppDefinition>[],
  items: Located<Item>[],
  validate: SelectorValidator,
): Problem[] {
  const problems: Problem[] = [];
  for (const { located, selector, path } of selectorsOf(apps, items)) {
    const error = validate(selector);
    if (error !== undefined)
      problems.push({
        file: located.file,
        line: located.lineOf(path),
        message: `invalid CSS selector "${selector}": ${error}`,
      });
  }
  return problems;
}
