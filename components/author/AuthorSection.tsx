import type { ReactNode } from 'react';
import type { Async } from '@/hooks/use-background';
import type { AuthorResult } from '@/lib/messages';
import { AsyncView } from '../AsyncView';
import { useT } from '../I18nProvider';

/** What a section of the Author tab's start can do: open a draft or an item, say a problem. */
export interface Actions {
  /** Opens a draft; `repick` says why a tip's element must be picked again. */
  onDraft: (key: string, repick?: string) => void;
  onItem: (id: string) => void;
  onProblem: (problem: string) => void;
}

/** A titled section over a server answer: loading, the server's problem in words, or the list. */
export function Section<T>(props: {
  id: string;
  title: string;
  value: Async<AuthorResult<T>>;
  children: (value: T) => ReactNode;
}) {
  const t = useT();
  return (
    <section className="author-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <AsyncView value={props.value} loading={t('common.loading')}>
        {(result) =>
          result.ok ? (
            props.children(result.value)
          ) : (
            <p className="notice" data-kind="error" role="alert">
              {result.problem}
            </p>
          )
        }
      </AsyncView>
    </section>
  );
}

export function ItemLink({
  id,
  title,
  onItem,
}: {
  id: string;
  title: string;
  onItem: Actions['onItem'];
}) {
  return (
    <button type="button" className="link-button" onClick={() => onItem(id)}>
      {title}
    </button>
  );
}
