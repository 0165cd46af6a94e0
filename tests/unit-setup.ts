import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setPageStrings } from '@/entrypoints/page.content/strings';
import { pageStrings } from '@/lib/i18n';

// Unit tests run in English: the fake browser says so (it implements no `i18n.getUILanguage`),
// and the in-page UI's parts get the English table the background would send them.
fakeBrowser.i18n.getUILanguage = () => 'en-GB';
setPageStrings('en', pageStrings('en').strings);
