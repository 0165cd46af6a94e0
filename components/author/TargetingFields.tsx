import { useId, useState } from 'react';
import { useBackground } from '@/hooks/use-background';
import type { DraftProblem } from '@/lib/authoring/drafts';
import type { TargetingOptions } from '@/lib/messages';
import { useT } from '../I18nProvider';
import { list, problemsAt, record } from './fields';

type Fields = Record<string, unknown>;
type Update = (change: (fields: Fields) => Fields) => void;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A set of values chosen from a list (checkboxes), plus, where the list cannot know every value
 * (roles, teams), a new one typed in. Values chosen earlier but not in the list stay shown.
 */
function CheckList(props: {
  legend: string;
  hint: string;
  options: readonly { value: string; label: string }[];
  values: string[];
  onChange: (values: string[]) => void;
  problems: string[];
  other?: string;
}) {
  const t = useT();
  const id = useId();
  const [typed, setTyped] = useState('');
  const known = new Set(props.options.map((o) => o.value));
  const options = [
    ...props.options,
    ...props.values.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v })),
  ];
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  const add = () => {
    const value = typed.trim().toLowerCase().replace(/\s+/g, '-');
    if (SLUG.test(value) && !props.values.includes(value)) props.onChange([...props.values, value]);
    setTyped('');
  };
  return (
    <fieldset className="checklist" aria-describedby={`${id}-hint`}>
      <legend>{props.legend}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <div className="checks">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              checked={props.values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {props.other !== undefined && (
        <div className="row">
          <input
            aria-label={props.other}
            placeholder={props.other}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              add();
            }}
          />
          <button type="button" className="button" disabled={!typed.trim()} onClick={add}>
            {t('common.add')}
          </button>
        </div>
      )}
      {props.problems.length > 0 && <p className="field-problem">{props.problems.join('; ')}</p>}
    </fieldset>
  );
}

const label = (text: string) => text.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * Who sees an item and where: apps and their screens from the catalogue, roles and teams from
 * what the content already names (or a new one). Nothing chosen means everyone, everywhere.
 */
export function TargetingFields(props: {
  fields: Fields;
  update: Update;
  problems: DraftProblem[];
}) {
  const t = useT();
  const [options] = useBackground('bg:targeting-options', {}, 'targeting');
  const known: TargetingOptions =
    options.state === 'ready' ? options.value : { apps: [], roles: [], teams: [] };
  const targeting = record(props.fields.targeting);
  const set = (key: string) => (values: string[]) =>
    props.update((fields) => ({
      ...fields,
      targeting: { ...record(fields.targeting), [key]: values },
    }));
  const apps = list(targeting.apps);
  const problems = (key: string) => problemsAt(props.problems, `targeting.${key}`, true);
  return (
    <fieldset>
      <legend>{t('editor.targeting')}</legend>
      <CheckList
        legend={t('editor.apps')}
        hint={t('editor.appsHint')}
        options={known.apps.map((a) => ({ value: a.id, label: a.name }))}
        values={apps}
        onChange={set('apps')}
        problems={problems('apps')}
      />
      <CheckList
        legend={t('editor.screens')}
        hint={t(apps.length === 0 ? 'editor.screensPick' : 'editor.screensHint')}
        options={known.apps
          .filter((a) => apps.includes(a.id))
          .flatMap((a) =>
            a.screens.map((s) => ({ value: `${a.id}:${s.id}`, label: `${a.name} · ${s.name}` })),
          )}
        values={list(targeting.screens)}
        onChange={set('screens')}
        problems={problems('screens')}
      />
      <CheckList
        legend={t('editor.roles')}
        hint={t('editor.rolesHint')}
        options={known.roles.map((r) => ({ value: r, label: label(r) }))}
        values={list(targeting.roles)}
        onChange={set('roles')}
        problems={problems('roles')}
        other={t('editor.anotherRole')}
      />
      <CheckList
        legend={t('editor.teams')}
        hint={t('editor.teamsHint')}
        options={known.teams.map((team) => ({ value: team, label: label(team) }))}
        values={list(targeting.teams)}
        onChange={set('teams')}
        problems={problems('teams')}
        other={t('editor.anotherTeam')}
      />
    </fieldset>
  );
}
