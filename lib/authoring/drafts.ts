import { anchorSchema, itemSchema, type Item, type Template } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import type { Draft, DraftSummary, PickResult } from '@/lib/messages';
import { leftoverExamples, templateExamples } from './template-text';

/** Fields the server owns; a draft never carries them (the server sets and checks them). */
const SERVER_FIELDS = ['status', 'version', 'updated_at', 'type'] as const;

interface Targeting {
  apps: string[];
  screens: string[];
  roles: string[];
  teams: string[];
}

function targetingOf(fields: Record<string, unknown>): Targeting {
  const t = (fields.targeting ?? {}) as Partial<Record<keyof Targeting, unknown>>;
  const list = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return {
    apps: list(t.apps),
    screens: list(t.screens),
    roles: list(t.roles),
    teams: list(t.teams),
  };
}

/**
 * Where the author is becomes where the item appears: the detected app, and its screen, added
 * to the targeting when the author has not chosen any yet (they can change it in the form).
 */
export function prefillTargeting(
  fields: Record<string, unknown>,
  detection: Detection | null | undefined,
): Record<string, unknown> {
  if (detection?.app == null) return fields;
  const targeting = targetingOf(fields);
  const apps = targeting.apps.length === 0 ? [detection.app] : targeting.apps;
  const screen = detection.screen === null ? undefined : `${detection.app}:${detection.screen}`;
  const screens =
    targeting.screens.length === 0 && screen !== undefined ? [screen] : targeting.screens;
  return { ...fields, targeting: { ...targeting, apps, screens } };
}

/** A new draft from a template: its fields and body skeleton, its verify period, the page's app. */
export function draftFromTemplate(
  template: Template,
  context: { key: string; now: Date; owner: string; detection?: Detection | null },
): Draft {
  const at = context.now.toISOString();
  const fields = prefillTargeting(
    {
      id: '',
      title: '',
      summary: '',
      tags: [],
      targeting: { apps: [], screens: [], roles: [], teams: [] },
      ...template.fields,
      body: template.body,
      owner: context.owner,
      verify_days: template.verify_days,
    },
    context.detection,
  );
  return {
    key: context.key,
    type: template.item_type,
    templateId: template.id,
    fields,
    templateText: templateExamples(template),
    createdAt: at,
    updatedAt: at,
  };
}

/** A draft to edit an item the server holds: its content, based on the version read. */
export function draftFromItem(item: Item, context: { key: string; now: Date }): Draft {
  const fields: Record<string, unknown> = { ...item };
  for (const field of SERVER_FIELDS) delete fields[field];
  const at = context.now.toISOString();
  return {
    key: context.key,
    type: item.type,
    itemId: item.id,
    baseVersion: item.version,
    fields,
    createdAt: at,
    updatedAt: at,
  };
}

/** What is sent to the server: the fields and the type (the server sets the rest). */
export function itemInput(draft: Draft): Record<string, unknown> {
  const input: Record<string, unknown> = { ...draft.fields, type: draft.type };
  for (const field of SERVER_FIELDS) if (field !== 'type') delete input[field];
  if (draft.itemId !== undefined) input.id = draft.itemId;
  // Text typed one entry per line keeps its blank lines while editing; they are not content.
  for (const field of ['objectives', 'lessons'])
    if (Array.isArray(input[field]))
      input[field] = (input[field] as unknown[])
        .map((v) => (typeof v === 'string' ? v.trim() : v))
        .filter((v) => v !== '');
  return input;
}

export interface DraftProblem {
  /** The field, e.g. `title` or `steps.0.body`. */
  path: string;
  message: string;
}

/**
 * Checks a draft with the same schema the server uses, as a draft: every problem names its
 * field, so the form can show it next to the input before anything is sent.
 */
export function checkDraft(draft: Draft, now = new Date()): DraftProblem[] {
  const result = itemSchema.safeParse({
    ...itemInput(draft),
    status: 'draft',
    version: draft.baseVersion ?? 1,
    updated_at: now.toISOString(),
  });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || 'item',
    message: issue.message,
  }));
}

/**
 * What else stops a draft going to review: the template's example text left unchanged (a draft
 * may be saved with it; reviewers and learners must never get it).
 */
export function submitProblems(draft: Draft): DraftProblem[] {
  return leftoverExamples(draft.fields, draft.templateText ?? []);
}

/** The item exactly as a learner would receive it once published, for previews. */
export function previewItem(draft: Draft, now = new Date()): Item | undefined {
  const result = itemSchema.safeParse({
    ...itemInput(draft),
    id: typeof draft.fields.id === 'string' && draft.fields.id !== '' ? draft.fields.id : 'preview',
    title:
      typeof draft.fields.title === 'string' && draft.fields.title.trim().length >= 3
        ? draft.fields.title
        : 'Untitled',
    status: 'draft',
    version: draft.baseVersion ?? 1,
    updated_at: now.toISOString(),
  });
  return result.success ? result.data : undefined;
}

/**
 * Puts a picked element's anchor where the pick was for (the tip, or one lesson step), and fills
 * the targeting from where it was picked. An anchor the schema refuses is not stored.
 */
export function applyPick(
  draft: Draft,
  pick: Extract<PickResult, { outcome: 'picked' }>,
  now: Date,
): Draft {
  const anchor = anchorSchema.parse(pick.anchor);
  let fields = prefillTargeting(draft.fields, pick.detection);
  if (pick.target.kind === 'tip') {
    fields = { ...fields, anchor };
  } else {
    const steps = Array.isArray(fields.steps) ? [...(fields.steps as unknown[])] : [];
    const index = pick.target.step;
    if (index >= steps.length) throw new Error(`the lesson has no step ${index + 1}`);
    steps[index] = { ...(steps[index] as Record<string, unknown>), anchor };
    fields = { ...fields, steps };
  }
  const at = now.toISOString();
  return {
    ...draft,
    fields,
    pick: { resolves: pick.resolves, label: pick.label, pickedAt: at, target: pick.target },
    updatedAt: at,
  };
}

export function summarizeDraft(draft: Draft): DraftSummary {
  const title = typeof draft.fields.title === 'string' ? draft.fields.title.trim() : '';
  return {
    key: draft.key,
    type: draft.type,
    title: title === '' ? `Untitled ${draft.type}` : title,
    ...(draft.itemId === undefined ? {} : { itemId: draft.itemId }),
    updatedAt: draft.updatedAt,
    ...(draft.sentAt === undefined ? {} : { sentAt: draft.sentAt }),
  };
}

/**
 * A slug from text (an item's title, a question's prompt), for an id the author may change:
 * accents dropped, whole words only, at most `max` characters.
 */
export function slugFrom(text: string, max = 60): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= max) return words;
  // Cut after the last whole word that fits (one word longer than `max` is cut inside).
  const head = words.slice(0, max + 1);
  return head.includes('-') ? head.replace(/-[^-]*$/, '') : head.slice(0, max);
}
