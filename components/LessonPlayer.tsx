import { useState } from 'react';
import type { Lesson } from '@/lib/content-model';
import type { LessonProgressView } from '@/lib/messages';
import { MarkdownBody } from './MarkdownBody';
import { QuestionCard } from './QuestionCard';

interface Props {
  lesson: Lesson;
  progress: LessonProgressView;
  /** Whether the learner is on the app this lesson targets, so steps can point at the page. */
  onLessonPage: boolean;
  onStep: (step: number, completedStep?: number) => void;
  onAnswer: (questionId: string, choices: string[]) => void;
  onComplete: () => void;
  onRestart: () => void;
  onHighlight: (anchor: unknown) => void;
}

/** Steps one at a time (with "Show me" on the page), then the knowledge check, with saved progress. */
export function LessonPlayer(props: Props) {
  const { lesson, progress } = props;
  const total = lesson.steps.length;
  const [showCheck, setShowCheck] = useState(
    progress.completedSteps.length >= total && lesson.questions.length > 0,
  );
  // The step moves at once on a click; saving it to the store happens behind (onStep).
  const [step, setStep] = useState(Math.min(progress.step, total - 1));
  const go = (to: number, completed?: number) => {
    setStep(Math.max(0, Math.min(to, total - 1)));
    props.onStep(to, completed);
  };
  const current = lesson.steps[step];
  const answered = lesson.questions.filter((q) => progress.answers[q.id] !== undefined).length;

  if (progress.completedAt !== undefined) {
    const right = lesson.questions.filter((q) => progress.answers[q.id]?.correct).length;
    return (
      <section className="lesson" aria-labelledby="lesson-title">
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="done" role="status">
          Lesson complete
          {lesson.questions.length > 0
            ? ` — ${right} of ${lesson.questions.length} answers right`
            : ''}
          .
        </p>
        <button type="button" onClick={props.onRestart}>
          Start again
        </button>
      </section>
    );
  }

  return (
    <section className="lesson" aria-labelledby="lesson-title">
      <h1 id="lesson-title">{lesson.title}</h1>
      <progress
        max={total + lesson.questions.length}
        value={progress.completedSteps.length + answered}
        aria-label="Lesson progress"
      />
      {!showCheck && step === 0 && progress.completedSteps.length === 0 && (
        <ul className="objectives" aria-label="You will learn to">
          {lesson.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      )}
      {!showCheck && current && (
        <div className="step">
          <h2>
            Step {step + 1} of {total}: {current.title}
          </h2>
          <MarkdownBody source={current.body} />
          {current.anchor !== undefined && props.onLessonPage && (
            <button type="button" onClick={() => props.onHighlight(current.anchor)}>
              Show me on the page
            </button>
          )}
          <div className="nav">
            <button type="button" disabled={step === 0} onClick={() => go(step - 1)}>
              Back
            </button>
            {step + 1 < total ? (
              <button type="button" className="primary" onClick={() => go(step + 1, step)}>
                Next
              </button>
            ) : lesson.questions.length > 0 ? (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  go(step, step);
                  setShowCheck(true);
                }}
              >
                Check what you learned
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  go(step, step);
                  props.onComplete();
                }}
              >
                Finish
              </button>
            )}
          </div>
        </div>
      )}
      {showCheck && (
        <div className="check">
          <h2>Knowledge check</h2>
          {lesson.questions.map((q) => (
            <QuestionCard
              key={q.id}
              question={q}
              answer={progress.answers[q.id]}
              onAnswer={(choices) => props.onAnswer(q.id, choices)}
            />
          ))}
          <div className="nav">
            <button type="button" onClick={() => setShowCheck(false)}>
              Back to the steps
            </button>
            <button
              type="button"
              className="primary"
              disabled={answered < lesson.questions.length}
              onClick={props.onComplete}
            >
              Finish lesson
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
