import { useState } from 'react';
import { useT } from '../I18nProvider';
import { callBackground } from '@/hooks/use-background';
import type { Item } from '@/lib/content-model';
import type { InPageTip, LessonProgressView } from '@/lib/messages';
import { ArticleView } from '../ArticleView';
import { lessonScore } from '@/lib/knowledge/lesson-score';
import { LessonPlayer } from '../LessonPlayer';
import { TipCardPreview } from '../TipCardPreview';

/**
 * An item rendered by the components learners get: the article reader, the in-page tip card (the
 * content script's own code), the lesson player (with its own throwaway progress), a path's list.
 */
export function ItemPreview({ item, tabId }: { item: Item; tabId: number | undefined }) {
  if (item.type === 'tip') {
    // The card's own shape, as the background sends it to the page.
    const tip: InPageTip = {
      id: item.id,
      title: item.title,
      body: item.body,
      placement: item.placement,
      ...(item.anchor === undefined ? {} : { anchor: item.anchor }),
    };
    return (
      <>
        <TipCardPreview tip={tip} />
        {tabId !== undefined && <ShowOnPage tabId={tabId} tip={tip} />}
      </>
    );
  }
  if (item.type === 'lesson') return <LessonPreview key={item.id} lesson={item} tabId={tabId} />;
  if (item.type === 'path')
    return (
      <section className="reader">
        <h1>{item.title}</h1>
        {item.summary && <p className="lede">{item.summary}</p>}
        <ol>
          {item.lessons.map((id) => (
            <li key={id}>
              <code>{id}</code>
            </li>
          ))}
        </ol>
      </section>
    );
  return <ArticleView item={item} needsVerification={false} vote={undefined} />;
}

function ShowOnPage({ tabId, tip }: { tabId: number; tip: InPageTip }) {
  const t = useT();
  const [note, setNote] = useState<string | undefined>();
  return (
    <div className="row" style={{ marginTop: 6 }}>
      <button
        type="button"
        className="button"
        onClick={() =>
          void callBackground('bg:preview-tip', {
            tabId,
            tip,
          }).then(
            ({ found }) => setNote(found ? t('preview.shown') : t('preview.notHere')),
            () => setNote(t('preview.notRunning')),
          )
        }
      >
        {t('preview.showOnPage')}
      </button>
      {note && (
        <span className="muted" role="status">
          {note}
        </span>
      )}
    </div>
  );
}

function LessonPreview({
  lesson,
  tabId,
}: {
  lesson: Extract<Item, { type: 'lesson' }>;
  tabId: number | undefined;
}) {
  const [progress, setProgress] = useState<LessonProgressView>({
    lessonId: lesson.id,
    step: 0,
    completedSteps: [],
    answers: {},
  });
  return (
    <LessonPlayer
      key={`${progress.completedAt ?? ''}:${progress.result ? 'checked' : ''}`}
      lesson={lesson}
      progress={progress}
      next={undefined}
      onOpen={() => undefined}
      onLessonPage={tabId !== undefined}
      onStep={(step, completed) =>
        setProgress((p) => ({
          ...p,
          step,
          completedSteps:
            completed === undefined || p.completedSteps.includes(completed)
              ? p.completedSteps
              : [...p.completedSteps, completed],
        }))
      }
      onAnswer={(questionId, choices) => {
        const q = lesson.questions.find((x) => x.id === questionId);
        const correct =
          q !== undefined &&
          q.correct.length === choices.length &&
          q.correct.every((c) => choices.includes(c));
        setProgress((p) => ({
          ...p,
          answers: { ...p.answers, [questionId]: { choices, correct } },
        }));
      }}
      onComplete={() =>
        setProgress((p) => {
          const result = lessonScore(lesson, p.answers);
          return {
            ...p,
            result,
            ...(result.passed ? { completedAt: new Date().toISOString() } : {}),
          };
        })
      }
      onRetry={() =>
        setProgress((p) => ({
          ...p,
          result: undefined,
          answers: Object.fromEntries(Object.entries(p.answers).filter(([, a]) => a.correct)),
        }))
      }
      onRestart={() =>
        setProgress({ lessonId: lesson.id, step: 0, completedSteps: [], answers: {} })
      }
      onHighlight={(anchor, note) =>
        tabId !== undefined &&
        void callBackground('bg:highlight', {
          tabId,
          anchor,
          ...(note === undefined ? {} : { note }),
        }).catch(() => undefined)
      }
    />
  );
}
