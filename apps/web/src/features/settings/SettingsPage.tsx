import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { MembershipList } from './MembershipList';
import { ProfileForm } from './ProfileForm';

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  useDocumentTitle(t('title'));

  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <div className="page page-narrow settings-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </header>
      <ProfileForm me={me.data} />
      <MembershipList me={me.data} />
    </div>
  );
}
