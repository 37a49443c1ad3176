import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useErrorMessage } from '../../app/useErrorMessage';
import { endpoint } from '../../lib/endpoints';
import { DownloadIcon } from '../reports/DownloadButton';
import { fetchFile, saveFile } from '../reports/download';
import '../pilot-projects/forms.css';

const today = () => new Date().toISOString().slice(0, 10);
const startOfYear = () => `${new Date().getFullYear()}-01-01`;

/**
 * The programme report of a period: published documents and the pilot projects' progress, as a
 * Word file or a print-ready page, with the report's own words in the interface language.
 */
export function ReportForm() {
  const { t, i18n } = useTranslation('reports');
  const message = useErrorMessage();
  const id = useId();
  const [from, setFrom] = useState(startOfYear);
  const [to, setTo] = useState(today);
  const [pending, setPending] = useState<'docx' | 'html' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const invalid = !from || !to || to < from;

  const run = async (format: 'docx' | 'html') => {
    if (invalid) return;
    setFailure(null);
    setPending(format);
    // Open the tab now, while the click still counts as the person's gesture; fill it when the file comes.
    const tab = format === 'html' ? window.open('', '_blank') : null;
    try {
      const file = await fetchFile(endpoint('reports.programme'), {
        from,
        to,
        format,
        language: currentLanguage(i18n),
      });
      const name = `programme-report-${from}-${to}.${format}`;
      if (tab) {
        tab.location.href = URL.createObjectURL(file.blob);
      } else saveFile(file, name);
    } catch (error) {
      tab?.close();
      setFailure(error);
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="card report-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={to}
            min={from || undefined}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
      </div>
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          {t('invalidPeriod')}
        </p>
      )}
      <div className="form-actions report-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={invalid || pending !== null}
          onClick={() => void run('docx')}
        >
          <DownloadIcon />
          {pending === 'docx' ? t('downloading') : t('docx')}
        </button>
        <button
          type="button"
          className="button"
          disabled={invalid || pending !== null}
          onClick={() => void run('html')}
        >
          {pending === 'html' ? t('downloading') : t('html')}
        </button>
      </div>
      {failure !== null && (
        <p className="alert alert-error" role="alert">
          {message(failure)}
        </p>
      )}
    </section>
  );
}
