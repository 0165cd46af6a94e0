import { helpfulReasons, unhelpfulReasons, type FeedbackReason } from '@/lib/insights';

/** The fixed reasons in the reader's words (no free text: nothing typed leaves the device). */
const LABELS: Record<FeedbackReason, string> = {
  'solved-it': 'It solved my problem',
  clear: 'Clear',
  'saved-time': 'Saved me time',
  outdated: 'Out of date',
  incorrect: 'Incorrect',
  unclear: 'Hard to follow',
  incomplete: 'Steps missing',
  'not-relevant': 'Not what I needed',
};

interface Props {
  helpful: boolean;
  chosen: FeedbackReason | undefined;
  onChoose: (reason: FeedbackReason) => void;
}

/** "Why?" after a yes or a no on "Was this helpful?": one reason from the fixed list. */
export function FeedbackReasons({ helpful, chosen, onChoose }: Props) {
  const reasons = helpful ? helpfulReasons : unhelpfulReasons;
  return (
    <div
      className="vote reasons"
      role="group"
      aria-label={helpful ? 'What helped?' : 'What was wrong?'}
    >
      <span>{helpful ? 'What helped?' : 'What was wrong?'}</span>
      {reasons.map((reason) => (
        <button
          key={reason}
          type="button"
          aria-pressed={chosen === reason}
          onClick={() => onChoose(reason)}
        >
          {LABELS[reason]}
        </button>
      ))}
    </div>
  );
}
