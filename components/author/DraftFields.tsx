import type { ReactNode } from 'react';
import type { DraftProblem } from '@/lib/authoring/drafts';
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
  const f = props.fields;
  return (
    <fieldset>
      <legend>Element on the page</legend>
      {f.anchor === undefined ? (
        <p className="field-hint">
          No element: the tip shows for the whole screen. Pick one to put a beacon on it.
        </p>
      ) : (
        (props.pickStatus ?? <p className="field-hint">The tip has an element.</p>)
      )}
      <div className="row">
        <button type="button" className="button primary" onClick={props.onPick}>
          {f.anchor === undefined ? 'Pick element on the page' : 'Re-pick element'}
        </button>
        {props.picking && (
          <button type="button" className="button" onClick={props.onStopPicking}>
            Stop picking
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
            Remove the element
          </button>
        )}
      </div>
      <SelectField
        label="Card placement"
        value={(str(f.placement) || 'auto') as (typeof PLACEMENTS)[number]}
        options={PLACEMENTS.map((p) => ({ value: p, label: p }))}
        onChange={(v) => props.update((fields) => ({ ...fields, placement: v }))}
      />
    </fieldset>
  );
}

/** Who sees an item and where (targeting), and who keeps it true (tags, owner, verify period). */
export function AudienceFields(props: {
  fields: Fields;
  update: Update;
  problems: DraftProblem[];
}) {
  const { fields: f, update, problems } = props;
  const set = (key: string) => (value: unknown) =>
    update((fields) => ({ ...fields, [key]: value }));
  return (
    <>
      <TargetingFields fields={f} update={update} problems={problems} />
      <fieldset>
        <legend>Governance</legend>
        <ListField
          label="Tags"
          values={list(f.tags)}
          onChange={set('tags')}
          problems={problemsAt(problems, 'tags', true)}
        />
        <Field
          label="Owner"
          type="email"
          value={str(f.owner)}
          hint="Who keeps it true: they are asked to verify it."
          onChange={set('owner')}
          problems={problemsAt(problems, 'owner')}
        />
        <Field
          label="Verify every (days)"
          type="number"
          value={String(num(f.verify_days) ?? '')}
          hint="From the template; the owner confirms it is still true this often."
          onChange={(v) => set('verify_days')(v === '' ? undefined : Number(v))}
          problems={problemsAt(problems, 'verify_days')}
        />
      </fieldset>
    </>
  );
}
