import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '@passerelle/domain';
import { createI18n } from '../app/i18n';
import type { StatusInput } from './status';
import { StatusIndicator } from './StatusIndicator';

function show(input: Partial<StatusInput>, lng: Language = 'en') {
  const props: StatusInput = { connection: 'connected', synced: true, pending: 0, readOnly: false, ...input };
  const view = render(
    <I18nextProvider i18n={createI18n({ lng })}>
      <StatusIndicator {...props} />
    </I18nextProvider>,
  );
  const status = screen.getByRole('status');
  const result = { status, text: status.textContent, kind: status.getAttribute('data-status') };
  view.unmount();
  return result;
}

describe('the status indicator', () => {
  it.each<[string, Partial<StatusInput>, string, string]>([
    ['connecting', { connection: 'connecting', synced: false }, 'connecting', 'Connecting…'],
    [
      'connecting with changes waiting',
      { connection: 'connecting', synced: false, pending: 2 },
      'connecting',
      'Connecting… 2 changes waiting to be saved',
    ],
    ['joined but not yet synced', { connection: 'connected', synced: false }, 'connecting', 'Connecting…'],
    [
      'offline, nothing pending',
      { connection: 'offline', synced: false },
      'offline',
      'Offline — your changes are kept on this device',
    ],
    ['offline with one change', { connection: 'offline', pending: 1 }, 'offline', 'Offline — 1 change pending'],
    ['offline with changes', { connection: 'offline', pending: 7 }, 'offline', 'Offline — 7 changes pending'],
    ['saving', { pending: 3 }, 'saving', 'Saving 3 changes…'],
    ['saved', {}, 'saved', 'All changes saved'],
    ['read only and synced', { readOnly: true }, 'upToDate', 'Up to date'],
    [
      'read only and offline',
      { readOnly: true, connection: 'offline' },
      'offline',
      'Offline — your changes are kept on this device',
    ],
  ])('%s', (_, input, kind, text) => {
    const view = show(input);
    expect(view.kind).toBe(kind);
    expect(view.text).toBe(text);
  });

  it('says "all changes saved" only when connected, synced and with nothing waiting', () => {
    expect(show({ pending: 1 }).text).not.toBe('All changes saved');
  });

  it('is a polite live region so that changes are announced', () => {
    expect(show({}).status).toHaveAttribute('aria-live', 'polite');
  });

  it('speaks French', () => {
    expect(show({ connection: 'offline', pending: 3 }, 'fr').text).toBe('Hors ligne — 3 modifications en attente');
    expect(show({}, 'fr').text).toBe('Toutes les modifications sont enregistrées');
  });

  it.each([
    [1, 'غير متصل — تعديل واحد معلّق'],
    [2, 'غير متصل — تعديلان معلّقان'],
    [5, 'غير متصل — 5 تعديلات معلّقة'],
    [12, 'غير متصل — 12 تعديلًا معلّقًا'],
  ])('counts %i pending changes in Arabic', (pending, text) => {
    expect(show({ connection: 'offline', pending }, 'ar').text).toBe(text);
  });
});
