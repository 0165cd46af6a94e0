import type { DraftProblem } from '@/lib/authoring/drafts';
import type { AuthorItem } from '@/lib/messages';
import { useBackground } from '@/hooks/use-background';
import { useT } from '../I18nProvider';
import { Field, list, problemsAt } from './fields';

type Fields = Record<string, unknown>;

/** A path's lessons, in order: ids one per line, each checked against the server's lessons. */
export function PathFields(props: {
  fields: Fields;
  update: (change: (fields: Fields) => Fields) => void;
  problems: DraftProblem[];
}) {
  const t = useT();
  const [items] = useBackground('bg:author-items', {}, 'path-lessons');
  const lessons: AuthorItem[] =
    items.state === 'ready' && items.value.ok
      ? items.value.value.filter((i) => i.type === 'lesson' && i.status !== 'archived')
      : [];
  const chosen = list(props.fields.lessons);
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const unknown = chosen.map((s) => s.trim()).filter((id) => id !== '' && !byId.has(id));
  return (
    <>
      <Field
        label={t('editor.lessons')}
        multiline
        rows={5}
        hint={t('editor.lessonsHint')}
        value={chosen.join('\n')}
        onChange={(v) => props.update((f) => ({ ...f, lessons: v.split('\n') }))}
        problems={[
          ...problemsAt(props.problems, 'lessons', true),
          ...(items.state === 'ready' && unknown.length > 0
            ? [t('editor.notALesson', { ids: unknown.join(', ') })]
            : []),
        ]}
      />
      {lessons.length > 0 && (
        <details>
          <summary>{t('editor.serverLessons', { count: lessons.length })}</summary>
          <ul className="author-list">
            {lessons.map((l) => (
              <li key={l.id}>
                <span>
                  {l.title} <code>{l.id}</code>
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={chosen.includes(l.id)}
                  onClick={() =>
                    props.update((f) => ({
                      ...f,
                      lessons: [...list(f.lessons).filter((x) => x.trim() !== ''), l.id],
                    }))
                  }
                >
                  {t('common.add')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
