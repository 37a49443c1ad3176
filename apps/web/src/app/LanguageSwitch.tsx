import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@passerelle/domain';
import { currentLanguage, isLanguage } from './i18n';

/**
 * Switches the interface language. Each option is written in its own language (and marked so),
 * so that someone who cannot read the current one still finds theirs.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = currentLanguage(i18n);
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <span className="language-icon" aria-hidden="true">
        ⟷
      </span>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void i18n.changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.names.${lng}`, { lng })}
          </option>
        ))}
      </select>
    </div>
  );
}
