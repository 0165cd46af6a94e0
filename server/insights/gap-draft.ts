import { itemFieldsFrom, type Item, type Template } from '@/lib/content-model';
import { addDays } from '@/lib/insights';
import { slugify } from '@/lib/import/ids';
import { HttpError } from '../http';
import type { Store } from '../store';
import { Workflow, type Actor } from '../workflow';
import { gapKey } from './gap-state';

/** The words people used on the gap's screen, past the k rule, in the last 30 days. */
async function gapQueries(store: Store, app: string, screen: string, today: string) {
  const { query_k } = await store.insightSettings();
  const rows = await store.insights.visibleQueries(
    { from: addDays(today, -29), to: today, app },
    query_k,
  );
  return rows
    .filter((r) => r.app === app && r.screen === screen)
    .sort((a, b) => b.searches - a.searches || (a.query < b.query ? -1 : 1))
    .map((r) => r.query);
}

function pickTemplate(templates: readonly Template[], id: string | undefined): Template {
  const template =
    id === undefined
      ? templates.find((t) => t.item_type === 'article')
      : templates.find((t) => t.id === id);
  if (template === undefined)
    throw new HttpError(
      400,
      'bad_request',
      `template: ${id === undefined ? 'no article template on this server' : `no template "${id}"`}`,
    );
  return template;
}

/** An id for the draft: from the title, with a number added while it is taken. */
async function freeId(store: Store, wanted: string): Promise<string> {
  const base = slugify(wanted).slice(0, 60).replace(/-+$/, '') || 'answer';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if ((await store.itemHead(id)) === undefined) return id;
  }
}

/**
 * "Create content" from a gap: a draft item from a template, targeted at the gap's app and screen,
 * its title from what people searched for and its body opening with those words (k rule applied),
 * created through the governed workflow (a draft for review) and linked to the gap, so the gap
 * shows as addressed once the draft is published.
 */
export async function draftFromGap(
  store: Store,
  place: { app: string; screen: string },
  request: { template?: string | undefined; id?: string | undefined; title?: string | undefined },
  actor: Actor,
): Promise<{ gap: string; item: Item }> {
  if (place.app === '')
    throw new HttpError(400, 'bad_request', 'app: content is made for an app; this gap has none');
  const today = store.now().toISOString().slice(0, 10);
  const template = pickTemplate(await store.listTemplates(), request.template);
  const queries = await gapQueries(store, place.app, place.screen, today);
  const where = place.screen === '' ? place.app : `${place.app} (${place.screen})`;
  const top = queries[0];
  const title =
    request.title ?? (top !== undefined && top.length >= 3 ? capitalise(top) : `Help on ${where}`);
  const asked =
    queries.length === 0
      ? ''
      : `> People searched for this on ${where} and found nothing: ${queries
          .slice(0, 5)
          .map((q) => `“${q}”`)
          .join(', ')}.\n\n`;
  const fields = itemFieldsFrom(template);
  const draft = {
    summary: '',
    tags: [],
    ...fields,
    id: request.id ?? (await freeId(store, title)),
    title,
    body: `${asked}${template.body}`,
    targeting: {
      apps: [place.app],
      screens: place.screen === '' ? [] : [`${place.app}:${place.screen}`],
      roles: [],
      teams: [],
    },
  };
  const item = await new Workflow(store).create(draft, actor);
  await store.setGapState({ ...place, status: 'open', item: item.id }, actor.email);
  return { gap: gapKey(place.app, place.screen), item };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
