import { useEffect, useMemo, useRef, useState } from 'react';
import { callBackground } from '@/hooks/use-background';
import { useDraft } from '@/hooks/use-draft';
import { useTouched } from '@/hooks/use-touched';
import { checkDraft, previewItem, slugFrom, submitProblems } from '@/lib/authoring/drafts';
import { articleTemplates } from '@/lib/content-model/article';
import type { PickTarget } from '@/lib/messages';
import { EditorDock } from './EditorDock';
import { LessonFields } from './LessonFields';
import { AnnouncementFields } from './AnnouncementFields';
import { PathFields } from './PathFields';
import { AudienceFields, TipElementFields } from './DraftFields';
import { Field, problemsAt, SelectField, str } from './fields';

const TYPE_NAMES = {
  article: 'article',
  tip: 'tip',
  lesson: 'lesson',
  path: 'learning path',
  announcement: 'announcement',
};

type Notice = { kind: 'ok' | 'error' | 'info'; text: string };

/**
 * The editor for one local draft: fields by type with their problems (the same schema the
 * server applies, shown for a field once it was touched, or all when sending), the element
 * picker for tips and lesson steps, a live preview kept in view, and sending to the server (save,
 * or submit for review). It opens at the title. `repick` states why a tip's element needs
 * picking again (its anchor stopped resolving on learners' pages).
 */
export function DraftEditor(props: {
  draftKey: string;
  tabId: number | undefined;
  repick?: string;
  onDone: (itemId?: string, notice?: string) => void;
}) {
  const { draft, saveState, problem, update, flush, reload } = useDraft(props.draftKey);
  const titleBox = useRef<HTMLDivElement>(null);
  const loaded = draft !== undefined;
  useEffect(() => {
    if (!loaded) return;
    window.scrollTo(0, 0);
    titleBox.current?.querySelector('input')?.focus();
  }, [loaded]);
  /** The version someone else saved first, while this draft was based on an older one. */
  const [conflict, setConflict] = useState<number | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState<PickTarget | undefined>();
  const [idTouched, setIdTouched] = useState(false);
  const schemaProblems = useMemo(() => (draft ? checkDraft(draft) : []), [draft]);
  const leftovers = useMemo(() => (draft ? submitProblems(draft) : []), [draft]);
  const allProblems = [...schemaProblems, ...leftovers];
  const touched = useTouched(draft?.fields);
  const problems = touched.shown(allProblems);
  const preview = useMemo(() => (draft ? previewItem(draft) : undefined), [draft]);
  const pickedAt = draft?.pick?.pickedAt;
  useEffect(() => {
    // A pick arrived from the page (or was cancelled there): the picking prompt is done.
    setPicking(undefined);
    setNotice((n) => (n?.kind === 'info' ? undefined : n));
  }, [pickedAt]);

  if (draft === undefined) return <p className="muted">Opening the draft…</p>;
  const f = draft.fields;
  const set = (key: string) => (value: unknown) =>
    update((fields) => ({ ...fields, [key]: value }));
  const editingExisting = draft.itemId !== undefined;

  const startPick = async (target: PickTarget) => {
    if (props.tabId === undefined) {
      setNotice({ kind: 'error', text: 'Open the app page in this window first.' });
      return;
    }
    await flush();
    const result = await callBackground('bg:pick-start', {
      tabId: props.tabId,
      draftKey: draft.key,
      target,
    });
    if (result.started) {
      setPicking(target);
      setNotice({
        kind: 'info',
        text: 'On the page: hover (or Tab) to see what will be chosen, click it (or press Enter); Esc cancels.',
      });
    } else setNotice({ kind: 'error', text: result.problem ?? 'The picker could not start.' });
  };

  const pickStatus = (target: PickTarget) => {
    const same =
      draft.pick !== undefined &&
      draft.pick.target.kind === target.kind &&
      (target.kind === 'tip' ||
        (draft.pick.target.kind === 'lesson-step' && draft.pick.target.step === target.step));
    if (!same || draft.pick === undefined) return null;
    return (
      <p className="pick-status" data-ok={draft.pick.resolves} role="status">
        {draft.pick.resolves
          ? `Anchored to ${draft.pick.label}: Waymark finds this element again from the anchor.`
          : `Anchored to ${draft.pick.label}, but Waymark could not find it again from the anchor. Pick a more distinctive element (a labelled button or field).`}
      </p>
    );
  };

  const send = async (submit: boolean) => {
    // Saving a draft to the server is fine with the template's example text; review is not.
    const blocking = submit ? allProblems : schemaProblems;
    if (blocking.length > 0) {
      // Sending shows every problem and takes the author to the first one.
      touched.showAll();
      setNotice({
        kind: 'error',
        text: `Fix ${blocking.length === 1 ? 'this' : `these ${blocking.length}`} before ${submit ? 'submitting' : 'saving'}: ${blocking.map((p) => `${p.path} ${p.message}`).join('; ')}.`,
      });
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.editor [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setBusy(true);
    await flush();
    const result = await callBackground('bg:draft-send', { key: draft.key, submit });
    setBusy(false);
    if (result.ok) {
      setNotice({
        kind: 'ok',
        text: submit
          ? `Submitted for review as version ${result.value.version}. A reviewer will approve it or ask for changes.`
          : `Saved on the server as version ${result.value.version} (a draft; submit it when ready).`,
      });
      if (submit)
        props.onDone(
          result.value.id,
          `Submitted for review as version ${result.value.version}. A reviewer will approve it or ask for changes.`,
        );
    } else {
      setNotice({ kind: 'error', text: result.problem });
      if (result.status === 409 && result.currentVersion !== undefined)
        setConflict(result.currentVersion);
    }
  };

  /** A deliberate choice, never a silent overwrite: this text goes on top of their version. */
  const rebase = async (version: number) => {
    await flush();
    await callBackground('bg:draft-put', {
      draft: { ...draft, baseVersion: version, updatedAt: new Date().toISOString() },
    });
    await reload();
    setConflict(undefined);
    setNotice({
      kind: 'info',
      text: `Your text now builds on version ${version}: sending it replaces that version's text with yours.`,
    });
  };

  const discard = async () => {
    if (!window.confirm('Discard this draft? Text not sent to the server is lost.')) return;
    await callBackground('bg:draft-delete', { key: draft.key });
    props.onDone();
  };

  return (
    <section className="author editor" aria-label="Edit draft">
      <h1>
        {editingExisting ? `Editing ${str(f.id)}` : `New ${TYPE_NAMES[draft.type]}`}
        {draft.baseVersion !== undefined && (
          <span className="muted"> · based on version {draft.baseVersion}</span>
        )}
      </h1>
      {props.repick !== undefined && draft.type === 'tip' && (
        <div className="notice" data-kind="error" role="alert">
          <p>{props.repick}</p>
          <button
            type="button"
            className="button primary"
            onClick={() => void startPick({ kind: 'tip' })}
          >
            Re-pick element
          </button>
        </div>
      )}
      <div ref={titleBox}>
        <Field
          label="Title"
          value={str(f.title)}
          onChange={(v) =>
            update((fields) => ({
              ...fields,
              title: v,
              ...(editingExisting || idTouched ? {} : { id: slugFrom(v) }),
            }))
          }
          problems={problemsAt(problems, 'title')}
        />
      </div>
      <Field
        label="Id"
        value={str(f.id)}
        disabled={editingExisting}
        hint="Lower-case words joined by hyphens; it never changes once saved."
        onChange={(v) => {
          setIdTouched(true);
          set('id')(v);
        }}
        problems={problemsAt(problems, 'id')}
      />
      <Field
        label="Summary"
        value={str(f.summary)}
        hint="One sentence shown in lists and search results."
        onChange={set('summary')}
        problems={problemsAt(problems, 'summary')}
      />
      {draft.type === 'article' && (
        <SelectField
          label="Kind"
          value={(str(f.template) || 'how-to') as (typeof articleTemplates)[number]}
          options={articleTemplates.map((t) => ({ value: t, label: t }))}
          onChange={set('template')}
          problems={problemsAt(problems, 'template')}
        />
      )}
      {draft.type !== 'path' && (
        <Field
          label={draft.type === 'tip' ? 'Tip text (Markdown)' : 'Body (Markdown)'}
          multiline
          rows={draft.type === 'tip' ? 5 : 12}
          value={str(f.body)}
          onChange={set('body')}
          {...(draft.type === 'tip' ? { maxLength: 1200, hint: 'Short enough for a card' } : {})}
          problems={problemsAt(problems, 'body')}
        />
      )}
      {draft.type === 'tip' && (
        <TipElementFields
          fields={f}
          update={update}
          pickStatus={pickStatus({ kind: 'tip' })}
          picking={picking !== undefined && props.tabId !== undefined}
          onPick={() => void startPick({ kind: 'tip' })}
          onStopPicking={() => {
            setPicking(undefined);
            setNotice(undefined);
            void callBackground('bg:pick-cancel', { tabId: props.tabId ?? 0 });
          }}
        />
      )}
      {draft.type === 'lesson' && (
        <LessonFields
          fields={f}
          update={update}
          problems={problems}
          pickStatus={pickStatus}
          onPick={(target) => void startPick(target)}
        />
      )}
      {draft.type === 'path' && <PathFields fields={f} update={update} problems={problems} />}
      {draft.type === 'announcement' && (
        <AnnouncementFields fields={f} update={update} problems={problems} />
      )}
      <AudienceFields fields={f} update={update} problems={problems} />
      {notice && (
        <p
          className="notice"
          data-kind={notice.kind}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      {conflict !== undefined && draft.itemId !== undefined && (
        <div className="row" role="group" aria-label="Resolve the conflict">
          <button type="button" className="button" onClick={() => props.onDone(draft.itemId)}>
            See version {conflict} and its history
          </button>
          <button type="button" className="button" onClick={() => void rebase(conflict)}>
            Keep my text on top of version {conflict}
          </button>
        </div>
      )}
      <EditorDock
        busy={busy}
        saveState={saveState}
        saveProblem={problem}
        toFix={allProblems.length}
        onSend={(submit) => void send(submit)}
        onDiscard={() => void discard()}
        preview={preview}
        firstProblem={schemaProblems[0]}
        tabId={props.tabId}
      />
    </section>
  );
}
