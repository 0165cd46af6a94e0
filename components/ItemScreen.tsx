import { useState } from 'react';
import { callBackground, useBackground } from '@/hooks/use-background';
import { useReadReport } from '@/hooks/use-insights';
import type { FeedbackReason } from '@/lib/insights';
import type { ItemView, PathView } from '@/lib/messages';
import { useItemLink } from '@/hooks/use-item-link';
import { ArticleView } from './ArticleView';
import { CopyLink } from './CopyLink';
import { useT } from './I18nProvider';
import { AsyncView } from './AsyncView';
import { LessonScreen } from './LessonScreen';
import { PathList } from './PathList';

interface Props {
  id: string;
  tabId: number | undefined;
  currentApp: string | undefined;
  onOpen: (id: string) => void;
}

/** One item, whatever its type: article and tip readers, the lesson player, a path. */
export function ItemScreen({ id, tabId, currentApp, onOpen }: Props) {
  const t = useT();
  const [view] = useBackground('bg:item', { id }, id);
  return (
    <AsyncView value={view} loading={t('common.opening')}>
      {(found) =>
        found === null ? (
          <p className="error" role="alert">
            {t('item.gone')}
          </p>
        ) : (
          <Viewer view={found} tabId={tabId} currentApp={currentApp} onOpen={onOpen} />
        )
      }
    </AsyncView>
  );
}

function Viewer({ view, tabId, currentApp, onOpen }: { view: ItemView } & Omit<Props, 'id'>) {
  const t = useT();
  const [vote, setVote] = useState<{ helpful?: boolean; reason?: FeedbackReason }>({
    ...(view.vote === undefined ? {} : { helpful: view.vote }),
    ...(view.reason === undefined ? {} : { reason: view.reason }),
  });
  const { item } = view;
  const link = useItemLink(item.id);
  // Reading counts for articles and tips; lessons report their steps instead.
  useReadReport(item.type === 'article' || item.type === 'tip' ? item.id : undefined, tabId);
  if (item.type === 'lesson') {
    const onLessonPage =
      currentApp !== undefined &&
      (item.targeting.apps.length === 0 || item.targeting.apps.includes(currentApp));
    return (
      <>
        <LessonScreen lesson={item} tabId={tabId} onLessonPage={onLessonPage} onOpen={onOpen} />
        <CopyLink link={link} hint={t('share.linkHint')} />
      </>
    );
  }
  if (item.type === 'path')
    return (
      <>
        <PathScreen id={item.id} onOpen={onOpen} />
        <CopyLink link={link} hint={t('share.linkHint')} />
      </>
    );
  const onVote = (helpful: boolean, reason?: FeedbackReason) =>
    void callBackground('bg:vote', {
      id: item.id,
      helpful,
      ...(reason ? { reason } : {}),
    }).then((r) => setVote({ helpful: r.helpful, ...(reason ? { reason } : {}) }));
  const onPage = tabId !== undefined && currentApp !== undefined;
  return (
    <ArticleView
      item={item}
      needsVerification={view.needsVerification}
      vote={vote.helpful}
      reason={vote.reason}
      onVote={onVote}
      link={link}
      {...(onPage
        ? { onInsert: (text) => callBackground('bg:insert-reply', { tabId, text }) }
        : {})}
    />
  );
}

function PathScreen({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const t = useT();
  const [paths] = useBackground('bg:paths', {}, 'paths');
  return (
    <AsyncView value={paths} loading={t('item.loadingPath')}>
      {(all: PathView[]) => (
        <PathList paths={all.filter((p) => p.id === id)} onOpenLesson={onOpen} />
      )}
    </AsyncView>
  );
}
