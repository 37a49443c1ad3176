import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import type { Endpoint } from '../../lib/endpoints';
import { downloadFile } from './download';

export interface DownloadButtonProps {
  label: string;
  target: Endpoint;
  query?: Record<string, string | undefined>;
  fallbackName: string;
  className?: string;
}

/** A button that downloads a file the API serves behind the access token, saying when it fails. */
export function DownloadButton({ label, target, query = {}, fallbackName, className }: DownloadButtonProps) {
  const { t } = useTranslation('reports');
  const message = useErrorMessage();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setPending(true);
    setError(null);
    try {
      await downloadFile(target, query, fallbackName);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="download">
      <button type="button" className={className ?? 'button'} onClick={() => void run()} disabled={pending}>
        <DownloadIcon />
        {pending ? t('downloading') : label}
      </button>
      {error !== null && (
        <span className="download-error" role="alert">
          {message(error)}
        </span>
      )}
    </span>
  );
}

export function DownloadIcon() {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
