import { useCallback, useEffect, useState } from 'react';
import { callBackground, useBackground } from '@/hooks/use-background';
import type { Lesson } from '@/lib/content-model';
import type { LessonUpdate, PathView } from '@/lib/messages';
import { AsyncView } from './AsyncView';
import { useT } from './I18nProvider';
import { LessonPlayer } from './LessonPlayer';

/** The lesson after this one in the first learning path that has it, for "Continue path →". */
function nextInPath(paths: readonly PathView[], lessonId: string) {
  for (const path of paths) {
    const at = path.lessons.findIndex((l) => l.id === lessonId);
    const next = at >= 0 ? path.lessons[at + 1] : undefined;
    if (next !== undefined) return { path: path.title, id: next.id, title: next.title };
  }
  return undefined;
}

/** Loads a lesson's saved progress and saves every step and answer as it happens. */
export function LessonScreen({
  lesson,
  tabId,
  onLessonPage,
  onOpen,
}: {
  lesson: Lesson;
  tabId: number | undefined;
  onLessonPage: boolean;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const [progress, reload] = useBackground('bg:lesson-progress', { id: lesson.id }, lesson.id);
  const [paths] = useBackground('bg:paths', {}, `paths:${lesson.id}`);
  const [saveError, setSaveError] = useState<string>();
  const update = useCallback(
    (change: LessonUpdate) =>
      void callBackground('bg:lesson-update', change).then(
        () => {
          setSaveError(undefined);
          reload();
        },
        (error: unknown) => setSaveError(error instanceof Error ? error.message : String(error)),
      ),
    [reload],
  );
  const highlight = useCallback(
    (anchor: unknown, note?: string) => {
      if (tabId === undefined) return;
      void callBackground('bg:highlight', {
        tabId,
        anchor,
        ...(note === undefined ? {} : { note }),
      }).catch(() => undefined);
    },
    [tabId],
  );
  // Leaving the lesson takes its highlight off the page.
  useEffect(() => () => highlight(null), [highlight]);
  const next = paths.state === 'ready' ? nextInPath(paths.value, lesson.id) : undefined;
  return (
    <>
      {saveError !== undefined && (
        <p className="error" role="alert">
          {t('lesson.saveFailed', { error: saveError })}
        </p>
      )}
      <AsyncView value={progress} loading={t('lesson.loadingProgress')}>
        {(p) => (
          <LessonPlayer
            key={`${p.lessonId}:${p.completedAt ?? ''}:${p.result ? 'checked' : ''}`}
            lesson={lesson}
            progress={p}
            next={next}
            onLessonPage={onLessonPage && tabId !== undefined}
            onStep={(step, completedStep) =>
              update({
                id: lesson.id,
                kind: 'step',
                step,
                ...(completedStep === undefined ? {} : { completedStep }),
              })
            }
            onAnswer={(questionId, choices) =>
              update({ id: lesson.id, kind: 'answer', questionId, choices })
            }
            onComplete={() => update({ id: lesson.id, kind: 'complete' })}
            onRetry={() => update({ id: lesson.id, kind: 'retry' })}
            onRestart={() => update({ id: lesson.id, kind: 'restart' })}
            onHighlight={highlight}
            onOpen={onOpen}
          />
        )}
      </AsyncView>
    </>
  );
}
