import { showAnnouncement } from './page.content/announcement-card';
import { registerGuidance } from './page.content/guidance';
import { GUIDANCE_STYLE } from './page.content/guidance-style';
import { Highlight } from './page.content/highlight';
import { PanelNote } from './page.content/panel-note';
import { insertReply } from './page.content/reply-editor';
import { TipCard } from './page.content/tip-card';
import { showToast } from './page.content/toast';

/**
 * Imported by the content script the first time a learner opens a tip, is shown a lesson step on
 * the page, hides a tip, is shown an announcement or needs Firefox's panel note (page.content/guidance.ts); never listed in
 * the manifest.
 */
export default defineUnlistedScript(() => {
  registerGuidance({
    TipCard,
    Highlight,
    PanelNote,
    showToast,
    insertReply,
    showAnnouncement,
    style: GUIDANCE_STYLE,
  });
});
