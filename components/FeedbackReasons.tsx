import { helpfulReasons, unhelpfulReasons, type FeedbackReason } from '@/lib/insights';
import { useT } from './I18nProvider';

interface Props {
  helpful: boolean;
  chosen: FeedbackReason | undefined;
  onChoose: (reason: FeedbackReason) => void;
}

/**
 * "Why?" after a yes or a no on "Was this helpful?": one reason from the fixed list, in the
 * reader's words (`reason.*`; no free text: nothing typed leaves the device).
 */
export function FeedbackReasons({ helpful, chosen, onChoose }: Props) {
  const t = useT();
  const question = helpful ? t('item.whatHelped') : t('item.whatWrong');
  const reasons = helpful ? helpfulReasons : unhelpfulReasons;
  return (
    <div className="vote reasons" role="group" aria-label={question}>
      <span>{question}</span>
      {reasons.map((reason) => (
        <button
          key={reason}
          type="button"
          aria-pressed={chosen === reason}
          onClick={() => onChoose(reason)}
        >
          {t(`reason.${reason}`)}
        </button>
      ))}
    </div>
  );
}
