import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@passerelle/domain';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useCreateVersion } from './useVersions';

/** Saves the current text as a named version. */
export function SaveVersionForm({ documentId }: { documentId: string }) {
  const { t } = useTranslation('history');
  const errorMessage = useErrorMessage();
  const create = useCreateVersion(documentId);
  const [label, setLabel] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const inputId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = label.trim();
    if (!name) return;
    setSaved(null);
    create.mutate(name, {
      onSuccess: (version) => {
        setLabel('');
        setSaved(version.label);
      },
    });
  };

  return (
    <form className="save-version" onSubmit={submit}>
      <div className="field save-version-field">
        <label htmlFor={inputId}>{t('save.label')}</label>
        <input
          id={inputId}
          value={label}
          maxLength={LIMITS.titleMaxLength}
          placeholder={t('save.placeholder')}
          dir="auto"
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={create.isPending || label.trim() === ''}>
        {t('save.action')}
      </button>
      {create.error && (
        <p className="alert alert-error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      {saved && (
        <p className="form-status" role="status">
          {t('save.done', { label: saved })}
        </p>
      )}
    </form>
  );
}
