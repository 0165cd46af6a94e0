import { useState } from 'react';
import { useT } from '../I18nProvider';
import type { DraftProblem } from '@/lib/authoring/drafts';
import type { Item } from '@/lib/content-model';
import { ItemPreview } from './ItemPreview';

/**
 * The editor's foot, stuck to the bottom of the panel so it stays in view while the author
 * writes: send (submit or save), discard, whether the draft is saved here, and the live preview
 * (which the author can fold away).
 */
export function EditorDock(props: {
  busy: boolean;
  saveState: 'saved' | 'saving' | 'error';
  saveProblem: string | undefined;
  toFix: number;
  onSend: (submit: boolean) => void;
  onDiscard: () => void;
  preview: Item | undefined;
  firstProblem: DraftProblem | undefined;
  tabId: number | undefined;
}) {
  const t = useT();
  const [open, setOpen] = useState(true);
  return (
    <div className="editor-dock">
      <div className="actions-bar">
        <button
          type="button"
          className="button primary"
          disabled={props.busy}
          onClick={() => props.onSend(true)}
        >
          {t('editor.submit')}
        </button>
        <button
          type="button"
          className="button"
          disabled={props.busy}
          onClick={() => props.onSend(false)}
        >
          {t('editor.saveServer')}
        </button>
        <button type="button" className="button danger" onClick={props.onDiscard}>
          {t('author.discard')}
        </button>
        <span className="save-state" role="status">
          {props.saveState === 'saving'
            ? t('editor.saving')
            : props.saveState === 'error'
              ? t('editor.notSaved', { problem: props.saveProblem ?? '' })
              : props.toFix > 0
                ? t('editor.savedToFix', { count: props.toFix })
                : t('editor.savedHere')}
        </span>
      </div>
      <section className="preview-box" aria-label={t('editor.preview')}>
        <h2>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? '▾' : '▸'} {t('editor.previewToggle')}
          </button>
        </h2>
        {open &&
          (props.preview === undefined ? (
            <p className="muted">
              {t('editor.previewWaits', {
                path: props.firstProblem?.path ?? '',
                problem: props.firstProblem?.message ?? '',
              })}
            </p>
          ) : (
            <div className="preview-scroll">
              <ItemPreview item={props.preview} tabId={props.tabId} />
            </div>
          ))}
      </section>
    </div>
  );
}
