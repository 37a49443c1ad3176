import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import './search.css';

/** The header's search box: Enter opens /search?q=… (the query stays in the box on that page). */
export function HeaderSearch() {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const current = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [value, setValue] = useState(current);
  // Follow the address when it changes (another search, back, a link), not on every keystroke.
  const [shownFor, setShownFor] = useState(current);
  if (shownFor !== current) {
    setShownFor(current);
    setValue(current);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    // Give the page back: the box folds away and the results say what was searched.
    event.currentTarget.querySelector('input')?.blur();
    navigate(`/search?q=${encodeURIComponent(q)}`);
  };

  return (
    <form role="search" className="header-search" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('label')}
      </label>
      <svg aria-hidden="true" className="header-search-icon" width="16" height="16" viewBox="0 0 16 16" fill="none">
        <circle cx="7" cy="7" r="4.75" stroke="currentColor" strokeWidth="1.6" />
        <path d="m10.5 10.5 3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <input
        id={id}
        type="search"
        name="q"
        value={value}
        maxLength={200}
        placeholder={t('placeholder')}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(e) => setValue(e.target.value)}
      />
    </form>
  );
}
