import { useEffect, useMemo, useRef, useState } from 'react';
import { callBackground } from '@/hooks/use-background';
import { useDraft } from '@/hooks/use-draft';
import { useTouched } from '@/hooks/use-touched';
import { checkDraft, previewItem, slugFrom, submitProblems } from '@/lib/authoring/drafts';
import { articleTemplates } from '@/lib/content-model/article';
import type { PickTarget } from '@/lib/messages';
import { useT } from '../I18nProvider';
import { EditorDock } from './EditorDock';
import { LessonFields } from './LessonFields';
import { AnnouncementFields } from './AnnouncementFields';
import { PathFields } from './PathFields';
import { AudienceFields, TipElementFields } from './DraftFields';
import { Field, problemsAt, SelectField, str } from './fields';

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
  const t = useT();
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

  if (draft === undefined) return <p className="muted">{t('editor.opening')}</p>;
  const f = draft.fields;
  const set = (key: string) => (value: unknown) =>
    update((fields) => ({ ...fields, [key]: value }));
  const editingExisting = draft.itemId !== undefined;

  const startPick = async (target: PickTarget) => {
    if (props.tabId === undefined) {
      setNotice({ kind: 'error', text: t('editor.openPageFirst') });
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
      setNotice({ kind: 'info', text: t('editor.pickHelp') });
    } else setNotice({ kind: 'error', text: result.problem ?? t('editor.pickFailed') });
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
        {t(draft.pick.resolves ? 'editor.anchored' : 'editor.anchoredWeak', {
          label: draft.pick.label,
        })}
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
        text: t(submit ? 'editor.fixSubmit' : 'editor.fixSave', {
          count: blocking.length,
          problems: blocking.map((p) => `${p.path} ${p.message}`).join('; '),
        }),
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
      const text = t(submit ? 'editor.submitted' : 'editor.saved', {
        version: result.value.version,
      });
      setNotice({ kind: 'ok', text });
      if (submit) props.onDone(result.value.id, text);
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
    setNotice({ kind: 'info', text: t('editor.rebased', { version }) });
  };

  const discard = async () => {
    if (!window.confirm(t('editor.discardConfirm'))) return;
    await callBackground('bg:draft-delete', { key: draft.key });
    props.onDone();
  };

  return (
    <section className="author editor" aria-label={t('editor.label')}>
      <h1>
        {editingExisting
          ? t('editor.editing', { id: str(f.id) })
          : t('editor.new', { type: t(`author.typeName.${draft.type}`) })}
        {draft.baseVersion !== undefined && (
          <span className="muted">{t('editor.basedOn', { version: draft.baseVersion })}</span>
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
            {t('author.repick')}
          </button>
        </div>
      )}
      <div ref={titleBox}>
        <Field
          label={t('editor.title')}
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
        label={t('editor.id')}
        value={str(f.id)}
        disabled={editingExisting}
        hint={t('editor.idHint')}
        onChange={(v) => {
          setIdTouched(true);
          set('id')(v);
        }}
        problems={problemsAt(problems, 'id')}
      />
      <Field
        label={t('editor.summary')}
        value={str(f.summary)}
        hint={t('editor.summaryHint')}
        onChange={set('summary')}
        problems={problemsAt(problems, 'summary')}
      />
      {draft.type === 'article' && (
        <SelectField
          label={t('editor.kind')}
          value={(str(f.template) || 'how-to') as (typeof articleTemplates)[number]}
          options={articleTemplates.map((kind) => ({
            value: kind,
            label: t(`editor.template.${kind}`),
          }))}
          onChange={set('template')}
          problems={problemsAt(problems, 'template')}
        />
      )}
      {draft.type !== 'path' && (
        <Field
          label={t(draft.type === 'tip' ? 'editor.tipText' : 'editor.body')}
          multiline
          rows={draft.type === 'tip' ? 5 : 12}
          value={str(f.body)}
          onChange={set('body')}
          {...(draft.type === 'tip' ? { maxLength: 1200, hint: t('editor.tipHint') } : {})}
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
        <div className="row" role="group" aria-label={t('editor.conflict')}>
          <button type="button" className="button" onClick={() => props.onDone(draft.itemId)}>
            {t('editor.seeVersion', { version: conflict })}
          </button>
          <button type="button" className="button" onClick={() => void rebase(conflict)}>
            {t('editor.keepMine', { version: conflict })}
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
