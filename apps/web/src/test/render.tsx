import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { Language } from '@passerelle/domain';
import { createI18n } from '../app/i18n';
import { Providers } from '../app/Providers';
import { createQueryClient } from '../app/queryClient';

export interface RenderOptions {
  route?: string;
  lng?: Language;
}

/**
 * Renders with the app's real providers (i18n, TanStack Query, auth) and an in-memory router, then lets
 * the session restore (POST /auth/refresh on mount) settle so tests start from a known state.
 */
export async function renderWithApp(ui: ReactElement, { route = '/', lng = 'en' }: RenderOptions = {}) {
  const i18n = createI18n({ lng });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  const result = render(
    <Providers i18n={i18n} queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </Providers>,
  );
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return { ...result, i18n, queryClient };
}
