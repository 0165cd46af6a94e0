import { useId } from 'react';
import type { DraftProblem } from '@/lib/authoring/drafts';
import { useT } from '../I18nProvider';
import { Field, problemsAt, str } from './fields';

type Fields = Record<string, unknown>;

/** An announcement's own fields: when it is shown, and whether readers acknowledge it. */
export function AnnouncementFields(props: {
  fields: Fields;
  update: (change: (fields: Fields) => Fields) => void;
  problems: DraftProblem[];
}) {
  const t = useT();
  const id = useId();
  const set = (key: string) => (value: unknown) => props.update((f) => ({ ...f, [key]: value }));
  return (
    <>
      <Field
        label={t('announcement.fields.startsAt')}
        value={str(props.fields.starts_at)}
        placeholder="2026-06-01"
        hint={t('announcement.fields.hint')}
        onChange={set('starts_at')}
        problems={problemsAt(props.problems, 'starts_at')}
      />
      <Field
        label={t('announcement.fields.endsAt')}
        value={str(props.fields.ends_at)}
        placeholder="2026-06-30"
        onChange={set('ends_at')}
        problems={problemsAt(props.problems, 'ends_at')}
      />
      <div className="field">
        <input
          id={id}
          type="checkbox"
          checked={props.fields.acknowledge === true}
          onChange={(e) => set('acknowledge')(e.target.checked)}
        />{' '}
        <label htmlFor={id}>{t('announcement.fields.acknowledge')}</label>
      </div>
    </>
  );
}
