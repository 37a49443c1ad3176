import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LANGUAGE_STORAGE_KEY } from '../../app/i18n';
import { api } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { editorMe, lyon, signedIn } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { SettingsPage } from './SettingsPage';

describe('the settings page', () => {
  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
  });

  it('saves the name and interface language to the profile, then switches the interface', async () => {
    const { calls } = mockFetch({
      ...signedIn(),
      'GET /api/cities': { status: 200, body: [lyon] },
      'PATCH /api/me': (req) => ({ status: 200, body: { ...editorMe, ...(req.body as object) } }),
    });
    const user = userEvent.setup();
    await renderWithApp(<SettingsPage />, { route: '/settings' });

    const name = await screen.findByLabelText('Name');
    expect(name).toHaveValue(editorMe.name);
    expect(await screen.findByRole('link', { name: 'Lyon' })).toHaveAttribute('href', '/cities/lyon');
    expect(screen.getByText('Editor')).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'Camille M.');
    await user.selectOptions(screen.getByLabelText('Interface language'), 'ar');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('تم حفظ إعداداتك.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Camille M.', language: 'ar' });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
  });

  it('shows the field error the API answers', async () => {
    mockFetch({
      ...signedIn(),
      'GET /api/cities': { status: 200, body: [lyon] },
      'PATCH /api/me': {
        status: 400,
        body: { statusCode: 400, code: 'validation_failed', message: 'name must not be empty', fields: ['name'] },
      },
    });
    const user = userEvent.setup();
    await renderWithApp(<SettingsPage />, { route: '/settings' });
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('name must not be empty');
  });
});
