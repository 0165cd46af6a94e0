import type { PathView } from '@/lib/messages';
import { useT } from './I18nProvider';

/** Learning paths with each lesson's state and overall progress. */
export function PathList({
  paths,
  onOpenLesson,
}: {
  paths: readonly PathView[];
  onOpenLesson: (id: string) => void;
}) {
  const t = useT();
  if (paths.length === 0) return <p className="muted">{t('paths.none')}</p>;
  return (
    <div className="paths">
      {paths.map((path) => {
        const done = path.lessons.filter((l) => l.completed).length;
        const progress = t('paths.done', { done, count: path.lessons.length });
        return (
          <section key={path.id} className="path" aria-label={path.title}>
            <h2>{path.title}</h2>
            {path.summary && <p className="muted">{path.summary}</p>}
            <progress max={path.lessons.length} value={done} aria-label={progress} />
            <p className="muted">{progress}</p>
            <ol>
              {path.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <button type="button" className="link" onClick={() => onOpenLesson(lesson.id)}>
                    {lesson.title}
                  </button>
                  {lesson.completed && (
                    <span className="tick">
                      {' '}
                      <span aria-hidden="true">✓</span>
                      <span className="sr-only">{t('paths.completed')}</span>
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
