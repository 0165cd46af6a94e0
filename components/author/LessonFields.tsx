import { slugFrom, type DraftProblem } from '@/lib/authoring/drafts';
import type { PickTarget } from '@/lib/messages';
import { useT } from '../I18nProvider';
import { Field, num, problemsAt, records, SelectField, str } from './fields';

type Fields = Record<string, unknown>;
type Update = (change: (fields: Fields) => Fields) => void;

const CHOICE_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** A question id from its prompt: whole words, at most 40 characters, unique in the lesson. */
function slug(text: string, taken: string[]): string {
  const base = slugFrom(text, 40) || 'question';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** A lesson's own parts: objectives, steps (each can point at an element), the knowledge check. */
export function LessonFields(props: {
  fields: Fields;
  update: Update;
  problems: DraftProblem[];
  pickStatus: (target: PickTarget) => React.ReactNode;
  onPick: (target: PickTarget) => void;
}) {
  const t = useT();
  const { fields, update, problems } = props;
  const steps = records(fields.steps);
  const questions = records(fields.questions);
  const setSteps = (next: Fields[]) => update((f) => ({ ...f, steps: next }));
  const setQuestions = (next: Fields[]) => update((f) => ({ ...f, questions: next }));
  const objectives = Array.isArray(fields.objectives) ? (fields.objectives as unknown[]) : [];

  return (
    <>
      <Field
        label={t('editor.minutes')}
        type="number"
        value={String(num(fields.duration_minutes) ?? '')}
        onChange={(v) =>
          update((f) => ({ ...f, duration_minutes: v === '' ? undefined : Number(v) }))
        }
        problems={problemsAt(problems, 'duration_minutes')}
      />
      <Field
        label={t('editor.objectives')}
        multiline
        rows={3}
        hint={t('editor.objectivesHint')}
        value={objectives.map(str).join('\n')}
        onChange={(v) => update((f) => ({ ...f, objectives: v.split('\n') }))}
        problems={problemsAt(problems, 'objectives', true)}
      />
      {steps.map((step, i) => (
        <fieldset key={i}>
          <legend>{t('editor.stepN', { n: i + 1 })}</legend>
          <Field
            label={t('editor.stepTitle')}
            value={str(step.title)}
            onChange={(v) => setSteps(steps.map((s, j) => (j === i ? { ...s, title: v } : s)))}
            problems={problemsAt(problems, `steps.${i}.title`)}
          />
          <Field
            label={t('editor.stepBody')}
            multiline
            rows={4}
            value={str(step.body)}
            onChange={(v) => setSteps(steps.map((s, j) => (j === i ? { ...s, body: v } : s)))}
            problems={problemsAt(problems, `steps.${i}.body`)}
          />
          {props.pickStatus({ kind: 'lesson-step', step: i })}
          <div className="row">
            <button
              type="button"
              className="button"
              onClick={() => props.onPick({ kind: 'lesson-step', step: i })}
            >
              {t(step.anchor === undefined ? 'editor.pointAt' : 'editor.pointAnother')}
            </button>
            {step.anchor !== undefined && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  setSteps(
                    steps.map((s, j) => {
                      if (j !== i) return s;
                      const rest = { ...s };
                      delete rest.anchor;
                      return rest;
                    }),
                  )
                }
              >
                {t('editor.removeElement')}
              </button>
            )}
            <button
              type="button"
              className="button danger"
              disabled={steps.length <= 1}
              onClick={() => setSteps(steps.filter((_, j) => j !== i))}
            >
              {t('editor.removeStep')}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => setSteps([...steps, { title: '', body: '' }])}
      >
        {t('editor.addStep')}
      </button>
      <h2>{t('lesson.check')}</h2>
      {questions.map((q, i) => {
        const choices = records(q.choices);
        const correct = Array.isArray(q.correct) ? (q.correct as string[]) : [];
        const setQ = (change: Fields) =>
          setQuestions(questions.map((x, j) => (j === i ? { ...x, ...change } : x)));
        const kind = q.kind === 'multiple' ? 'multiple' : 'single';
        return (
          <fieldset key={i}>
            <legend>{t('editor.questionN', { n: i + 1 })}</legend>
            <Field
              label={t('editor.question')}
              value={str(q.prompt)}
              onChange={(v) => {
                const others = questions.filter((_, j) => j !== i).map((x) => str(x.id));
                // The id follows the prompt while it is still the one made from it.
                const generated = str(q.id) === '' || str(q.id) === slug(str(q.prompt), others);
                setQ({ prompt: v, ...(generated ? { id: slug(v, others) } : {}) });
              }}
              problems={[
                ...problemsAt(problems, `questions.${i}.prompt`),
                ...problemsAt(problems, `questions.${i}.id`),
              ]}
            />
            <SelectField
              label={t('editor.answers')}
              value={kind}
              options={[
                { value: 'single', label: t('editor.oneRight') },
                { value: 'multiple', label: t('editor.severalRight') },
              ]}
              onChange={(v) =>
                setQ({ kind: v, ...(v === 'single' ? { correct: correct.slice(0, 1) } : {}) })
              }
            />
            <p className="field-hint">
              {t(kind === 'multiple' ? 'editor.tickSeveral' : 'editor.tickOne')}
            </p>
            {choices.map((c, k) => {
              const cid = str(c.id);
              return (
                <div className="row" key={cid || k}>
                  <input
                    type={kind === 'single' ? 'radio' : 'checkbox'}
                    name={`q${i}-correct`}
                    aria-label={t('editor.choiceRight', { n: k + 1 })}
                    checked={correct.includes(cid)}
                    onChange={(e) =>
                      setQ({
                        correct:
                          kind === 'single'
                            ? [cid]
                            : e.target.checked
                              ? [...correct, cid]
                              : correct.filter((x) => x !== cid),
                      })
                    }
                  />
                  <input
                    type="text"
                    aria-label={t('editor.choice', { n: k + 1 })}
                    style={{ flex: 1 }}
                    value={str(c.text)}
                    onChange={(e) =>
                      setQ({
                        choices: choices.map((x, m) =>
                          m === k ? { ...x, text: e.target.value } : x,
                        ),
                      })
                    }
                  />
                  <button
                    type="button"
                    className="button"
                    aria-label={t('editor.removeChoice', { n: k + 1 })}
                    disabled={choices.length <= 2}
                    onClick={() =>
                      setQ({
                        choices: choices.filter((_, m) => m !== k),
                        correct: correct.filter((x) => x !== cid),
                      })
                    }
                  >
                    ×
                  </button>
                </div>
              );
            })}
            {problemsAt(problems, `questions.${i}.choices`, true)
              .concat(problemsAt(problems, `questions.${i}.correct`, true))
              .map((p) => (
                <p className="field-problem" key={p}>
                  {p}
                </p>
              ))}
            <div className="row">
              <button
                type="button"
                className="button"
                disabled={choices.length >= CHOICE_IDS.length}
                onClick={() => {
                  const used = choices.map((c) => str(c.id));
                  const id = CHOICE_IDS.find((x) => !used.includes(x)) ?? 'h';
                  setQ({ choices: [...choices, { id, text: '' }] });
                }}
              >
                {t('editor.addChoice')}
              </button>
            </div>
            <Field
              label={t('editor.why')}
              multiline
              rows={3}
              value={str(q.explanation)}
              onChange={(v) => setQ({ explanation: v })}
              problems={problemsAt(problems, `questions.${i}.explanation`)}
            />
            <button
              type="button"
              className="button danger"
              onClick={() => setQuestions(questions.filter((_, j) => j !== i))}
            >
              {t('editor.removeQuestion')}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() =>
          setQuestions([
            ...questions,
            {
              id: '',
              prompt: '',
              kind: 'single',
              choices: [
                { id: 'a', text: '' },
                { id: 'b', text: '' },
              ],
              correct: [],
              explanation: '',
            },
          ])
        }
      >
        {t('editor.addQuestion')}
      </button>
      {problemsAt(problems, 'steps').map((p) => (
        <p className="field-problem" key={p}>
          {t('editor.stepsProblem', { problem: p })}
        </p>
      ))}
    </>
  );
}
