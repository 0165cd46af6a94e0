import { useEffect, useRef, useState } from 'react';
import type { Lesson } from '@/lib/content-model';
import type { LessonProgressView } from '@/lib/messages';
import { useT } from './I18nProvider';
import { MarkdownBody } from './MarkdownBody';
import { QuestionCard } from './QuestionCard';

interface Props {
  lesson: Lesson;
  progress: LessonProgressView;
  /** The next lesson of a learning path this one is in. */
  next: { path: string; id: string; title: string } | undefined;
  /** Whether the learner is on the app this lesson targets, so steps can point at the page. */
  onLessonPage: boolean;
  onStep: (step: number, completedStep?: number) => void;
  onAnswer: (questionId: string, choices: string[]) => void;
  onComplete: () => void;
  onRetry: () => void;
  onRestart: () => void;
  /** Rings a step's element on the page (`null` clears it), with a note for its callout. */
  onHighlight: (anchor: unknown, note?: string) => void;
  onOpen: (id: string) => void;
}

type Mode = 'steps' | 'check' | 'result';

const percent = (right: number, total: number) => Math.round((right / Math.max(1, total)) * 100);

/**
 * Steps one at a time (with "Show me on the page"), the knowledge check, then the result against
 * the lesson's pass mark: passed leads on ("Continue path →"), not passed offers the wrong answers
 * again. The panel's own "← Back" is the only Back: step navigation says "Previous step".
 */
export function LessonPlayer(props: Props) {
  const t = useT();
  const { lesson, progress } = props;
  const total = lesson.steps.length;
  const hasCheck = lesson.questions.length > 0;
  const [mode, setMode] = useState<Mode>(
    progress.result !== undefined || progress.completedAt !== undefined
      ? 'result'
      : progress.completedSteps.length >= total && hasCheck
        ? 'check'
        : 'steps',
  );
  // The step moves at once on a click; saving it to the store happens behind (onStep).
  const [step, setStep] = useState(Math.min(progress.step, total - 1));
  const heading = useRef<HTMLHeadingElement>(null);
  const highlighted = useRef(false);
  const { onHighlight } = props;
  useEffect(() => heading.current?.focus(), []);
  // A new step (or the check) takes the previous step's highlight off the page.
  useEffect(() => {
    if (highlighted.current) onHighlight(null);
    highlighted.current = false;
  }, [step, mode, onHighlight]);

  const go = (to: number, completed?: number) => {
    setStep(Math.max(0, Math.min(to, total - 1)));
    props.onStep(to, completed);
  };
  const current = lesson.steps[step];
  const answered = lesson.questions.filter((q) => progress.answers[q.id] !== undefined).length;

  const title = (
    <h1 id="lesson-title" ref={heading} tabIndex={-1} dir="auto">
      {lesson.title}
    </h1>
  );
  if (mode === 'result')
    return <Result {...props} title={title} onReview={() => setMode('steps')} />;

  return (
    <section className="lesson" aria-labelledby="lesson-title">
      {title}
      <progress
        max={total + lesson.questions.length}
        value={progress.completedSteps.length + answered}
        aria-label={t('lesson.progress')}
      />
      {mode === 'steps' && step === 0 && progress.completedSteps.length === 0 && (
        <ul className="objectives" aria-label={t('lesson.objectives')}>
          {lesson.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      )}
      {mode === 'steps' && current && (
        <div className="step">
          <h2>{t('lesson.step', { n: step + 1, total, title: current.title })}</h2>
          <MarkdownBody source={current.body} />
          {current.anchor !== undefined && props.onLessonPage && (
            <button
              type="button"
              onClick={() => {
                highlighted.current = true;
                onHighlight(current.anchor, t('lesson.stepShort', { n: step + 1, total }));
              }}
            >
              {t('lesson.showMe')}
            </button>
          )}
          <div className="nav">
            <button type="button" disabled={step === 0} onClick={() => go(step - 1)}>
              {t('lesson.previous')}
            </button>
            {step + 1 < total ? (
              <button type="button" className="primary" onClick={() => go(step + 1, step)}>
                {t('lesson.next')}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  go(step, step);
                  if (hasCheck) setMode('check');
                  else props.onComplete();
                }}
              >
                {hasCheck ? t('lesson.toCheck') : t('lesson.finish')}
              </button>
            )}
          </div>
        </div>
      )}
      {mode === 'check' && (
        <div className="check">
          <h2>{t('lesson.check')}</h2>
          <p className="muted">
            {t('lesson.passMark', {
              mark: lesson.pass_mark,
              count: Math.ceil((lesson.pass_mark / 100) * lesson.questions.length),
              total: lesson.questions.length,
            })}
          </p>
          {lesson.questions.map((q) => (
            <QuestionCard
              key={q.id}
              question={q}
              answer={progress.answers[q.id]}
              onAnswer={(choices) => props.onAnswer(q.id, choices)}
            />
          ))}
          <div className="nav">
            <button type="button" onClick={() => setMode('steps')}>
              {t('lesson.review')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={answered < lesson.questions.length}
              onClick={props.onComplete}
            >
              {t('lesson.finishLesson')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The end: passed (with what comes next in the path) or not yet (retry the wrong answers). */
function Result(props: Props & { title: React.ReactNode; onReview: () => void }) {
  const t = useT();
  const { lesson, progress, next } = props;
  const result = progress.result ?? {
    right: lesson.questions.length,
    total: lesson.questions.length,
    passMark: lesson.pass_mark,
    passed: true,
  };
  const passed = progress.completedAt !== undefined;
  const wrong = result.total - result.right;
  const score = {
    right: result.right,
    total: result.total,
    percent: percent(result.right, result.total),
    mark: result.passMark,
  };
  const scored = result.total > 0;
  return (
    <section className="lesson" aria-labelledby="lesson-title">
      {props.title}
      {passed ? (
        <p className="done" role="status">
          {scored ? t('lesson.completeScore', score) : t('lesson.complete')}
        </p>
      ) : (
        <p className="not-yet" role="status">
          {scored ? t('lesson.notYetScore', score) : t('lesson.notYet', score)}
        </p>
      )}
      <div className="nav">
        {passed && next !== undefined && (
          <button type="button" className="primary" onClick={() => props.onOpen(next.id)}>
            {t('lesson.continue', { title: next.title })}
          </button>
        )}
        {!passed && (
          <button type="button" className="primary" onClick={props.onRetry}>
            {t('lesson.retry', { count: wrong })}
          </button>
        )}
        {!passed && (
          <button type="button" onClick={props.onReview}>
            {t('lesson.review')}
          </button>
        )}
        {passed && (
          <button type="button" onClick={props.onRestart}>
            {t('lesson.again')}
          </button>
        )}
      </div>
    </section>
  );
}
