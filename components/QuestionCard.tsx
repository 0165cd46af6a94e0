import { useId, useState } from 'react';
import type { Question } from '@/lib/content-model';
import { useT } from './I18nProvider';

interface Props {
  question: Question;
  answer: { choices: string[]; correct: boolean } | undefined;
  onAnswer: (choices: string[]) => void;
}

/** One knowledge-check question: choose, check, then see whether it was right and why. */
export function QuestionCard({ question, answer, onAnswer }: Props) {
  const t = useT();
  const name = useId();
  const [chosen, setChosen] = useState<string[]>(answer?.choices ?? []);
  const single = question.kind === 'single';
  const toggle = (id: string) =>
    setChosen((c) => (single ? [id] : c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <fieldset className="question">
      <legend>
        {question.prompt}
        {single || /all that apply/i.test(question.prompt) ? '' : t('question.chooseAll')}
      </legend>
      {question.choices.map((choice) => (
        <label key={choice.id} className="choice">
          <input
            type={single ? 'radio' : 'checkbox'}
            name={name}
            checked={chosen.includes(choice.id)}
            onChange={() => toggle(choice.id)}
          />
          {choice.text}
        </label>
      ))}
      <button type="button" disabled={chosen.length === 0} onClick={() => onAnswer(chosen)}>
        {t('question.check')}
      </button>
      {answer && (
        <div className={answer.correct ? 'feedback right' : 'feedback wrong'} role="status">
          <strong>{answer.correct ? t('question.right') : t('question.wrong')}</strong>{' '}
          {question.explanation}
        </div>
      )}
    </fieldset>
  );
}
