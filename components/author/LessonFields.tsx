import { slugFrom, type DraftProblem } from '@/lib/authoring/drafts';
import type { PickTarget } from '@/lib/messages';
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
  const { fields, update, problems } = props;
  const steps = records(fields.steps);
  const questions = records(fields.questions);
  const setSteps = (next: Fields[]) => update((f) => ({ ...f, steps: next }));
  const setQuestions = (next: Fields[]) => update((f) => ({ ...f, questions: next }));
  const objectives = Array.isArray(fields.objectives) ? (fields.objectives as unknown[]) : [];

  return (
    <>
      <Field
        label="Minutes it takes"
        type="number"
        value={String(num(fields.duration_minutes) ?? '')}
        onChange={(v) =>
          update((f) => ({ ...f, duration_minutes: v === '' ? undefined : Number(v) }))
        }
        problems={problemsAt(problems, 'duration_minutes')}
      />
      <Field
        label="Objectives"
        multiline
        rows={3}
        hint="One per line: what the learner can do afterwards."
        value={objectives.map(str).join('\n')}
        onChange={(v) => update((f) => ({ ...f, objectives: v.split('\n') }))}
        problems={problemsAt(problems, 'objectives', true)}
      />
      {steps.map((step, i) => (
        <fieldset key={i}>
          <legend>Step {i + 1}</legend>
          <Field
            label="Step title"
            value={str(step.title)}
            onChange={(v) => setSteps(steps.map((s, j) => (j === i ? { ...s, title: v } : s)))}
            problems={problemsAt(problems, `steps.${i}.title`)}
          />
          <Field
            label="What to do"
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
              {step.anchor === undefined ? 'Point at an element' : 'Point at another element'}
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
                Remove the element
              </button>
            )}
            <button
              type="button"
              className="button danger"
              disabled={steps.length <= 1}
              onClick={() => setSteps(steps.filter((_, j) => j !== i))}
            >
              Remove step
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => setSteps([...steps, { title: '', body: '' }])}
      >
        Add a step
      </button>
      <h2>Knowledge check</h2>
      {questions.map((q, i) => {
        const choices = records(q.choices);
        const correct = Array.isArray(q.correct) ? (q.correct as string[]) : [];
        const setQ = (change: Fields) =>
          setQuestions(questions.map((x, j) => (j === i ? { ...x, ...change } : x)));
        const kind = q.kind === 'multiple' ? 'multiple' : 'single';
        return (
          <fieldset key={i}>
            <legend>Question {i + 1}</legend>
            <Field
              label="Question"
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
              label="Answers"
              value={kind}
              options={[
                { value: 'single', label: 'One right answer' },
                { value: 'multiple', label: 'Several right answers' },
              ]}
              onChange={(v) =>
                setQ({ kind: v, ...(v === 'single' ? { correct: correct.slice(0, 1) } : {}) })
              }
            />
            <p className="field-hint">Tick the right answer{kind === 'multiple' ? 's' : ''}.</p>
            {choices.map((c, k) => {
              const cid = str(c.id);
              return (
                <div className="row" key={cid || k}>
                  <input
                    type={kind === 'single' ? 'radio' : 'checkbox'}
                    name={`q${i}-correct`}
                    aria-label={`Choice ${k + 1} is right`}
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
                    aria-label={`Choice ${k + 1}`}
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
                    aria-label={`Remove choice ${k + 1}`}
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
                Add a choice
              </button>
            </div>
            <Field
              label="Why (shown after answering)"
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
              Remove question
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
        Add a question
      </button>
      {problemsAt(problems, 'steps').map((p) => (
        <p className="field-problem" key={p}>
          Steps: {p}
        </p>
      ))}
    </>
  );
}
