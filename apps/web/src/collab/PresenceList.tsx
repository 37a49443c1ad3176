import { useTranslation } from 'react-i18next';
import type { Peer } from './CollabSession';
import { initials } from './userColor';

/** Who has the document open: an avatar in each person's caret colour, with their name. */
export function PresenceList({ peers }: { peers: Peer[] }) {
  const { t } = useTranslation('editor');
  return (
    <div className="presence">
      <span className="visually-hidden">{t('presence.count', { count: peers.length })}</span>
      <ul className="presence-list" aria-label={t('presence.label')}>
        {peers.map((peer) => {
          const name = peer.self ? t('presence.you', { name: peer.name }) : peer.name;
          return (
            <li key={peer.userId} className="presence-item" title={name}>
              <span className="avatar presence-avatar" style={{ backgroundColor: peer.color }} aria-hidden="true">
                {initials(peer.name)}
              </span>
              <span className="presence-name">{name}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
