import type { AppDefinition, Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import type { InPageTip, ItemSummary, PageItem } from '@/lib/messages';
import { needsVerification } from './page-ranking';
import type { Suggestion } from './suggest';

/** App ids to names, for labelling items ("Zendesk Support"); an unknown id stays as it is. */
export type AppNames = ReadonlyMap<string, string>;

export function appNamesOf(apps: readonly AppDefinition[]): AppNames {
  return new Map(apps.map((app) => [app.id, app.name]));
}

export function summarize(item: Item, now: Date, names: AppNames): ItemSummary {
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    summary: item.summary,
    needsVerification: needsVerification(item, now),
    apps: item.targeting.apps.map((id) => names.get(id) ?? id),
  };
}

/** A suggestion as the panel lists it: the item, and why it is there in words. */
export function pageItem(
  suggestion: Suggestion,
  context: { now: Date; names: AppNames; screenName: string | null; role: string | undefined },
): PageItem {
  const { item } = suggestion;
  const role =
    context.role !== undefined && item.targeting.roles.includes(context.role)
      ? context.role
      : undefined;
  return {
    ...summarize(item, context.now, context.names),
    why: {
      matches: suggestion.matches,
      ...(suggestion.exactScreen && context.screenName !== null
        ? { screen: context.screenName }
        : {}),
      ...(role === undefined ? {} : { role }),
    },
  };
}

/** Anchored tips of a page, not dismissed, as the page needs them. */
export function inPageTips(items: readonly Item[], dismissed: ReadonlySet<string>): InPageTip[] {
  return items.flatMap((item) =>
    item.type === 'tip' && item.anchor !== undefined && !dismissed.has(item.id)
      ? [
          {
            id: item.id,
            title: item.title,
            body: item.body,
            anchor: item.anchor,
            placement: item.placement,
          },
        ]
      : [],
  );
}

/** The screen's name in its app's words, if the detection names one. */
export function screenNameOf(app: AppDefinition | undefined, detection: Detection): string | null {
  return app?.screens.find((s) => s.id === detection.screen)?.name ?? null;
}
