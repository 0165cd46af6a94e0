import { useId } from 'react';
import { useI18n } from '@/components/I18nProvider';
import { setUiLocale } from '@/hooks/use-ui-locale';
import { type LocaleChoice, parseChoice, uiLocales, type UiLocale } from '@/lib/i18n';

/**
 * The UI language for this browser profile (a shared machine's users each pick theirs): the
 * browser's by default. Each language is named in itself, and marked with its own `lang`, so a
 * screen reader says it right whatever language the page is in.
 */
export function LanguagePicker() {
  const { t, choice } = useI18n();
  const id = useId();
  if (choice === undefined) return null;
  const browserName = uiLocales[choice.browserLocale].name;
  return (
    <section className="account language" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('options.language')}</h2>
      <label htmlFor={id} className="sr-only">
        {t('options.language')}
      </label>
      <select
        id={id}
        value={choice.choice}
        aria-describedby={`${id}-hint`}
        onChange={(event) => void setUiLocale(parseChoice(event.target.value))}
      >
        <option value={'auto' satisfies LocaleChoice}>
          {t('options.languageAuto', { language: browserName })}
        </option>
        {(Object.keys(uiLocales) as UiLocale[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {uiLocales[code].name}
          </option>
        ))}
      </select>
      <p className="muted" id={`${id}-hint`}>
        {t('options.languageHint')}
      </p>
    </section>
  );
}
