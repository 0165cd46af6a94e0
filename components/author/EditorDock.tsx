import { useState } from 'react';
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
          Submit for review
        </button>
        <button
          type="button"
          className="button"
          disabled={props.busy}
          onClick={() => props.onSend(false)}
        >
          Save to server
        </button>
        <button type="button" className="button danger" onClick={props.onDiscard}>
          Discard
        </button>
        <span className="save-state" role="status">
          {props.saveState === 'saving'
            ? 'Saving…'
            : props.saveState === 'error'
              ? `Not saved: ${props.saveProblem ?? ''}`
              : props.toFix > 0
                ? `Saved here · ${props.toFix} to fix before sending`
                : 'Saved here'}
        </span>
      </div>
      <section className="preview-box" aria-label="Preview">
        <h2>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? '▾' : '▸'} Preview: what learners will see
          </button>
        </h2>
        {open &&
          (props.preview === undefined ? (
            <p className="muted">
              The preview appears once the text is valid: {props.firstProblem?.path}:{' '}
              {props.firstProblem?.message}
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
