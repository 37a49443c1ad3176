import type { MeDto } from '@passerelle/domain';
import type { City } from '../features/cities/types';
import type { DocumentSummary } from '../features/documents/types';
import type { FakeAnswer } from './fetch';

export const lyon: City = {
  id: 'c-lyon',
  slug: 'lyon',
  name: 'Lyon',
  names: { en: 'Lyon', fr: 'Lyon', ar: 'ليون' },
  country: 'France',
  countryCode: 'FR',
  phase: 'knowledge',
  languages: ['fr', 'en'],
  description: 'A city of the Rhône valley.',
  memberRole: 'editor',
};

export const tangier: City = {
  id: 'c-tng',
  slug: 'tangier',
  name: 'Tangier',
  names: { en: 'Tangier', fr: 'Tanger', ar: 'طنجة' },
  country: 'Morocco',
  countryCode: 'MA',
  phase: 'dialogue',
  languages: ['ar', 'fr'],
  memberRole: null,
};

export const editorMe: MeDto = {
  id: 'u-1',
  email: 'editor.lyon@passerelle.test',
  name: 'Camille Martin',
  role: 'member',
  active: true,
  language: null,
  memberships: [{ cityId: lyon.id, citySlug: 'lyon', role: 'editor' }],
};

export const profileDoc: DocumentSummary = {
  id: 'd-1',
  cityId: lyon.id,
  kind: 'migration_profile',
  title: 'Profil migratoire de Lyon',
  language: 'fr',
  status: 'draft',
  published: false,
  phase: 'knowledge',
  updatedAt: '2025-03-14T10:00:00.000Z',
};

export const signedIn = (me: MeDto = editorMe): Record<string, FakeAnswer> => ({
  'POST /api/auth/refresh': {
    status: 200,
    body: { accessToken: 'token', expiresIn: 900, user: { id: me.id, email: me.email, name: me.name, role: me.role } },
  },
  'GET /api/me': { status: 200, body: me },
});

export const programme = {
  name: 'Mediterranean City-to-City Migration',
  acronym: 'MC2CM',
  description: 'Cities around the Mediterranean learn from each other.',
  organisations: [{ name: 'United Cities and Local Governments', acronym: 'UCLG' }],
  themes: [{ slug: 'employment', names: { en: 'Employment', fr: 'Emploi', ar: 'التشغيل' } }],
};
