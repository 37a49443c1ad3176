import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { CreatedInvitation } from './types';

/** The invitation's one-time link, selectable and with a copy button; it is not shown again later. */
export function CreatedLink({ invitation }: { invitation: CreatedInvitation }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied('yes');
    } catch {
      // No clipboard permission (or an insecure context): the link stays selected for Ctrl+C.
      setCopied('no');
    }
  };

  return (
    <div className="created-link alert alert-info">
      <p>{t('invite.created', { email: invitation.email, date: format.date(invitation.expiresAt) })}</p>
      <div className="created-link-row">
        <label htmlFor={id} className="visually-hidden">
          {t('invite.link')}
        </label>
        <input
          id={id}
          ref={input}
          readOnly
          dir="ltr"
          value={invitation.link}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-small" onClick={() => void copy()}>
          {t('invite.copy')}
        </button>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {copied === 'yes' ? t('invite.copied') : copied === 'no' ? t('invite.copyManually') : t('invite.once')}
      </p>
    </div>
  );
}
