import type { ReactNode } from 'react';
import type { DraftProblem } from '@/lib/authoring/drafts';
import { useT } from '../I18nProvider';
import { Field, list, ListField, num, problemsAt, SelectField, str } from './fields';
import { TargetingFields } from './TargetingFields';

type Fields = Record<string, unknown>;
type Update = (change: (fields: Fields) => Fields) => void;

const PLACEMENTS = ['auto', 'top', 'bottom', 'left', 'right'] as const;

/** A tip's element: whether it has one (and whether it resolves), the picker, the card's side. */
export function TipElementFields(props: {
  fields: Fields;
  update: Update;
  pickStatus: ReactNode;
  picking: boolean;
  onPick: () => void;
  onStopPicking: () => void;
}) {
  const t = useT();
  const f = props.fields;
  return (
    <fieldset>
      <legend>{t('editor.element')}</legend>
      {f.anchor === undefined ? (
        <p className="field-hint">{t('editor.noElement')}</p>
      ) : (
        (props.pickStatus ?? <p className="field-hint">{t('editor.hasElement')}</p>)
      )}
      <div className="row">
        <button type="button" className="button primary" onClick={props.onPick}>
          {t(f.anchor === undefined ? 'editor.pick' : 'author.repick')}
        </button>
        {props.picking && (
          <button type="button" className="button" onClick={props.onStopPicking}>
            {t('editor.stopPicking')}
          </button>
        )}
        {f.anchor !== undefined && (
          <button
            type="button"
            className="button"
            onClick={() =>
              props.update((fields) => {
                const rest = { ...fields };
                delete rest.anchor;
                return rest;
              })
            }
          >
            {t('editor.removeElement')}
          </button>
        )}
      </div>
      <SelectField
        label={t('editor.placement')}
        value={(str(f.placement) || 'auto') as (typeof PLACEMENTS)[number]}
        options={PLACEMENTS.map((p) => ({ value: p, label: t(`editor.placement.${p}`) }))}
        onChange={(v) => props.update((fields) => ({ ...fields, placement: v }))}
      />
    </fieldset>
  );
}

/** Who sees an item and where (targeting), how it is found (tags, "also searched as"), and who
 * keeps it true (owner, verify period). */
export function AudienceFields(props: {
  fields: Fields;
  update: Update;
  problems: DraftProblem[];
}) {
  const t = useT();
  const { fields: f, update, problems } = props;
  const set = (key: string) => (value: unknown) =>
    update((fields) => ({ ...fields, [key]: value }));
  return (
    <>
      <TargetingFields fields={f} update={update} problems={problems} />
      <fieldset>
        <legend>{t('editor.governance')}</legend>
        <ListField
          label={t('editor.tags')}
          values={list(f.tags)}
          onChange={set('tags')}
          problems={problemsAt(problems, 'tags', true)}
        />
        <ListField
          label={t('editor.synonyms')}
          values={list(f.synonyms)}
          hint={t('editor.synonymsHint')}
          onChange={set('synonyms')}
          problems={problemsAt(problems, 'synonyms', true)}
        />
        <Field
          label={t('editor.owner')}
          type="email"
          value={str(f.owner)}
          hint={t('editor.ownerHint')}
          onChange={set('owner')}
          problems={problemsAt(problems, 'owner')}
        />
        <Field
          label={t('editor.verifyDays')}
          type="number"
          value={String(num(f.verify_days) ?? '')}
          hint={t('editor.verifyHint')}
          onChange={(v) => set('verify_days')(v === '' ? undefined : Number(v))}
          problems={problemsAt(problems, 'verify_days')}
        />
      </fieldset>
    </>
  );
}
