import { screen } from '@testing-library/react';
import { api } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { renderWithApp } from '../../test/render';
import { CityCard } from './CityCard';
import type { City } from './types';

const tangier: City = {
  id: 'c-tng',
  slug: 'tangier',
  name: 'Tangier',
  names: { en: 'Tangier', fr: 'Tanger', ar: 'طنجة' },
  country: 'Morocco',
  countryCode: 'MA',
  phase: 'knowledge',
  languages: ['ar', 'fr'],
};

describe('the city card', () => {
  beforeEach(() => {
    api.setSession(null);
    mockFetch({ 'POST /api/auth/refresh': { status: 401 } });
  });

  it.each([
    ['en', 'Tangier', 'Knowledge'],
    ['fr', 'Tanger', 'Connaissance'],
    ['ar', 'طنجة', 'المعرفة'],
  ] as const)('in %s shows the localized name and phase', async (lng, name, phase) => {
    await renderWithApp(<CityCard city={tangier} />, { lng });
    expect(screen.getByRole('link', { name })).toHaveAttribute('href', '/cities/tangier');
    expect(screen.getByText(phase)).toBeInTheDocument();
  });

  it('shows the phase the city is in, not a fixed one', async () => {
    await renderWithApp(<CityCard city={{ ...tangier, phase: 'action' }} />, { lng: 'fr' });
    expect(screen.getByText('Action')).toBeInTheDocument();
    expect(screen.queryByText('Connaissance')).not.toBeInTheDocument();
  });

  it('names the country in the interface language', async () => {
    await renderWithApp(<CityCard city={tangier} />, { lng: 'fr' });
    expect(screen.getByText('Maroc')).toBeInTheDocument();
  });

  it('falls back to the usual name when no localized name is given', async () => {
    await renderWithApp(<CityCard city={{ ...tangier, names: undefined }} />, { lng: 'ar' });
    expect(screen.getByRole('link', { name: 'Tangier' })).toBeInTheDocument();
  });
});
