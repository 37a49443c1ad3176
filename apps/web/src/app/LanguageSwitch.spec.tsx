import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../lib/api';
import { mockFetch } from '../test/fetch';
import { renderWithApp } from '../test/render';
import { LANGUAGE_STORAGE_KEY } from './i18n';
import { Layout } from './Layout';

describe('the language switch', () => {
  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
    mockFetch({ 'POST /api/auth/refresh': { status: 401 } });
  });

  it('switches the interface to Arabic, mirrors the page and remembers the choice', async () => {
    const user = userEvent.setup();
    await renderWithApp(<Layout />, { lng: 'en' });
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(screen.getByText('Skip to content')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Interface language'), 'ar');

    expect(await screen.findByText('الانتقال إلى المحتوى')).toBeInTheDocument();
    expect(screen.queryByText('Skip to content')).not.toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    expect(screen.getByLabelText('لغة الواجهة')).toHaveValue('ar');
  });

  it('switches to French and back to left to right', async () => {
    const user = userEvent.setup();
    await renderWithApp(<Layout />, { lng: 'ar' });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');

    await user.selectOptions(screen.getByLabelText('لغة الواجهة'), 'fr');

    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'ltr'));
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('Aller au contenu')).toBeInTheDocument();
  });

  it('names each language in that language, whatever the interface language', async () => {
    await renderWithApp(<Layout />, { lng: 'fr' });
    const options = screen
      .getAllByRole('option')
      .map((o) => [o.getAttribute('value'), o.textContent, o.getAttribute('lang')]);
    expect(options).toEqual([
      ['en', 'English', 'en'],
      ['fr', 'Français', 'fr'],
      ['ar', 'العربية', 'ar'],
    ]);
  });
});
