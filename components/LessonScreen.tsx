import { useCallback, useState } from 'react';
import { callBackground, useBackground } from '@/hooks/use-background';
import type { Lesson } from '@/lib/content-model';
import type { LessonUpdate } from '@/lib/messages';
import { AsyncView } from './AsyncView';
import { LessonPlayer } from './LessonPlayer';

/** Loads a lesson's saved progress and saves every step and answer as it happens. */
export function LessonScreen({
  lesson,
  tabId,
  onLessonPage,
}: {
  lesson: Lesson;
  tabId: number | undefined;
  onLessonPage: boolean;
}) {
  const [progress, reload] = useBackground('bg:lesson-progress', { id: lesson.id }, lesson.id);
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
  return (
    <>
      {saveError !== undefined && (
        <p className="error" role="alert">
          Your progress could not be saved ({saveError}). Keep going; Waymark will try again at the
          next step.
        </p>
      )}
      <AsyncView value={progress} loading="Loading your progress…">
        {(p) => (
          <LessonPlayer
            key={`${p.lessonId}:${p.completedAt ?? ''}`}
            lesson={lesson}
            progress={p}
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
            onRestart={() => update({ id: lesson.id, kind: 'restart' })}
            onHighlight={(anchor) =>
              tabId !== undefined && void callBackground('bg:highlight', { tabId, anchor })
            }
          />
        )}
      </AsyncView>
    </>
  );
}
