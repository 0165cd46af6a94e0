import { useEffect, useId, useState } from 'react';
import type { DraftProblem } from '@/lib/authoring/drafts';

/** Problems for one field (exact path) or, with `prefix`, for it and everything under it. */
export function problemsAt(problems: DraftProblem[], path: string, prefix = false): string[] {
  return problems
    .filter((p) => p.path === path || (prefix && p.path.startsWith(`${path}.`)))
    .map((p) => (p.path === path ? p.message : `${p.path.slice(path.length + 1)}: ${p.message}`));
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems?: string[];
  hint?: string;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  disabled?: boolean;
  type?: 'text' | 'email' | 'number';
  placeholder?: string;
}

/** A labelled input or textarea with its hint and its problems, tied by aria-describedby. */
export function Field(props: FieldProps) {
  const id = useId();
  const problems = props.problems ?? [];
  const describedBy = [props.hint ? `${id}-hint` : '', problems.length ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value: props.value,
    disabled: props.disabled,
    placeholder: props.placeholder,
    'aria-invalid': problems.length > 0,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={props.rows ?? 6}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {props.hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
          {props.maxLength !== undefined && ` (${props.value.length}/${props.maxLength})`}
        </p>
      )}
      {problems.length > 0 && (
        <p className="field-problem" id={`${id}-problem`}>
          {problems.join('; ')}
        </p>
      )}
    </div>
  );
}

const splitList = (raw: string) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A comma-separated list edited as text; the raw text is kept while typing "a, b". */
export function ListField(props: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  problems?: string[];
  hint?: string;
}) {
  const [raw, setRaw] = useState(props.values.join(', '));
  const joined = props.values.join('\n');
  useEffect(() => {
    // Changed from outside (a pick filled the screen): show the new values.
    if (splitList(raw).join('\n') !== joined) setRaw(joined.split('\n').filter(Boolean).join(', '));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only outside changes matter
  }, [joined]);
  return (
    <Field
      label={props.label}
      value={raw}
      hint={props.hint}
      problems={props.problems}
      onChange={(value) => {
        setRaw(value);
        props.onChange(splitList(value));
      }}
    />
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  problems?: string[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-invalid={(props.problems ?? []).length > 0}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {(props.problems ?? []).length > 0 && (
        <p className="field-problem">{(props.problems ?? []).join('; ')}</p>
      )}
    </div>
  );
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
export const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
export const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
export const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map(record) : [];
