import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LIMITS, type Language, type MeDto } from '@passerelle/domain';
import { currentLanguage, isLanguage } from '../../app/i18n';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useUpdateMe } from '../auth/useMe';

/** Name and interface language, saved to the profile so the choice follows the person to other browsers. */
export function ProfileForm({ me }: { me: MeDto }) {
  const { t, i18n } = useTranslation('settings');
  const id = useId();
  const update = useUpdateMe();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState(me.name);
  const [language, setLanguage] = useState<Language>(me.language ?? currentLanguage(i18n));
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { name: name.trim(), language },
      {
        onSuccess: async () => {
          await i18n.changeLanguage(language);
          setSaved(true);
        },
      },
    );
  };

  return (
    <section className="card settings-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('profile.title')}</h2>
      <form onSubmit={submit} className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('profile.email')}</label>
          <input id={`${id}-email`} type="email" value={me.email} readOnly dir="ltr" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('profile.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="name"
            required
            maxLength={LIMITS.nameMaxLength}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('profile.language')}</label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
          >
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {t(`common:language.names.${lng}`, { lng })}
              </option>
            ))}
          </select>
          <p className="hint">{t('profile.languageHint')}</p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending || !name.trim()}>
            {update.isPending ? t('common:status.saving') : t('common:actions.save')}
          </button>
          <span role="status" aria-live="polite" className="form-status">
            {saved && !update.isPending ? t('profile.saved') : ''}
          </span>
        </div>
        {update.isError && (
          <p className="alert alert-error" role="alert">
            {errorMessage(update.error)}
          </p>
        )}
      </form>
    </section>
  );
}
