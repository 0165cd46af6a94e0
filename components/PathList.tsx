import type { PathView } from '@/lib/messages';

/** Learning paths with each lesson's state and overall progress. */
export function PathList({
  paths,
  onOpenLesson,
}: {
  paths: readonly PathView[];
  onOpenLesson: (id: string) => void;
}) {
  if (paths.length === 0)
    return <p className="muted">No learning paths are published for you yet.</p>;
  return (
    <div className="paths">
      {paths.map((path) => {
        const done = path.lessons.filter((l) => l.completed).length;
        return (
          <section key={path.id} className="path" aria-label={path.title}>
            <h2>{path.title}</h2>
            {path.summary && <p className="muted">{path.summary}</p>}
            <progress
              max={path.lessons.length}
              value={done}
              aria-label={`${done} of ${path.lessons.length} lessons done`}
            />
            <p className="muted">
              {done} of {path.lessons.length} lessons done
            </p>
            <ol>
              {path.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <button type="button" className="link" onClick={() => onOpenLesson(lesson.id)}>
                    {lesson.title}
                  </button>
                  {lesson.completed && (
                    <span className="tick" aria-label="completed">
                      {' '}
                      ✓
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
