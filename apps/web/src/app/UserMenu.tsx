import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../features/auth/useAuth';
import { usePopover } from '../lib/usePopover';

/** The signed-in person's name, opening a small menu: settings and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const { open, setOpen, root, button } = usePopover();
  const menuId = useId();

  if (!user) return null;
  const initials = user.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('userMenu.label', { name: user.name })}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
        <span className="user-menu-name">{user.name}</span>
      </button>
      {open && (
        <div id={menuId} className="user-menu-panel">
          <p className="user-menu-email">{user.email}</p>
          <p className="user-menu-role">{t(`roles.global.${user.role}`)}</p>
          <Link to="/settings" className="user-menu-item" onClick={() => setOpen(false)}>
            {t('nav.settings')}
          </Link>
          <button
            type="button"
            className="user-menu-item"
            onClick={async () => {
              setOpen(false);
              await signOut();
              navigate('/login', { replace: true });
            }}
          >
            {t('actions.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
