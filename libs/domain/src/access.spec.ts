import { canOnCity, canOnDocument, canOnProgramme, collabAccess, DocumentAction, Principal } from './access';

// The table of SPEC.md "Access", written out again independently of the data in access.ts, so that
// a change to either is caught. Columns: editor, stakeholder, observer, coordinator, other member.
// 'P' = only if published.
const SPEC_TABLE: Record<DocumentAction, [string, string, string, string, string]> = {
  read: ['y', 'y', 'y', 'y', 'P'],
  comment: ['y', 'y', 'n', 'y', 'n'],
  edit: ['y', 'n', 'n', 'n', 'n'],
  submit_review: ['y', 'n', 'n', 'y', 'n'],
  create_version: ['y', 'n', 'n', 'y', 'n'],
  review: ['n', 'y', 'n', 'y', 'n'],
  adopt: ['n', 'n', 'n', 'y', 'n'],
  publish: ['n', 'n', 'n', 'y', 'n'],
  archive: ['n', 'n', 'n', 'y', 'n'],
};

const LYON = 'city-lyon';
const TANGIER = 'city-tangier';
const columns: Array<[string, Principal]> = [
  ['editor', { role: 'member', memberships: [{ cityId: LYON, role: 'editor' }] }],
  ['stakeholder', { role: 'member', memberships: [{ cityId: LYON, role: 'stakeholder' }] }],
  ['observer', { role: 'member', memberships: [{ cityId: LYON, role: 'observer' }] }],
  ['coordinator', { role: 'coordinator', memberships: [] }],
  ['other member', { role: 'member', memberships: [{ cityId: TANGIER, role: 'editor' }] }],
];

describe('document access table', () => {
  for (const [action, row] of Object.entries(SPEC_TABLE) as Array<[DocumentAction, string[]]>) {
    columns.forEach(([column, principal], index) => {
      const cell = row[index];
      it(`${column} ${cell === 'n' ? 'may not' : 'may'} ${action}${cell === 'P' ? ' only when published' : ''}`, () => {
        const draft = { cityId: LYON, published: false, status: 'draft' as const };
        const published = { cityId: LYON, published: true, status: 'draft' as const };
        expect(canOnDocument(principal, action, draft)).toBe(cell === 'y');
        expect(canOnDocument(principal, action, published)).toBe(cell !== 'n');
      });
    });
  }

  it('gives admins the coordinator column', () => {
    const admin: Principal = { role: 'admin', memberships: [] };
    expect(canOnDocument(admin, 'adopt', { cityId: LYON, published: false })).toBe(true);
    expect(canOnDocument(admin, 'edit', { cityId: LYON, published: false })).toBe(false);
  });

  it('freezes content once adopted or archived, whoever asks', () => {
    const editor = columns[0][1];
    expect(canOnDocument(editor, 'edit', { cityId: LYON, published: false, status: 'in_review' })).toBe(true);
    expect(canOnDocument(editor, 'edit', { cityId: LYON, published: false, status: 'adopted' })).toBe(false);
    expect(canOnDocument(editor, 'edit', { cityId: LYON, published: false, status: 'archived' })).toBe(false);
    expect(canOnDocument(editor, 'comment', { cityId: LYON, published: false, status: 'adopted' })).toBe(true);
  });

  it('lets coordinators write programme documents, and members only read them once published', () => {
    const coordinator = columns[3][1];
    const member = columns[0][1];
    expect(canOnDocument(coordinator, 'edit', { cityId: null, published: false })).toBe(true);
    expect(canOnDocument(member, 'read', { cityId: null, published: false })).toBe(false);
    expect(canOnDocument(member, 'read', { cityId: null, published: true })).toBe(true);
  });

  it('maps to socket access levels', () => {
    const doc = { cityId: LYON, published: false, status: 'draft' as const };
    expect(columns.map(([, p]) => collabAccess(p, doc))).toEqual(['edit', 'comment', 'view', 'comment', null]);
  });
});

describe('city and programme actions', () => {
  it('lets editors and coordinators manage pilot projects, stakeholders and observers read them', () => {
    const [editor, stakeholder, observer, coordinator, other] = columns.map(([, p]) => p);
    expect(canOnCity(editor, 'manage_pilot_projects', LYON)).toBe(true);
    expect(canOnCity(coordinator, 'manage_pilot_projects', LYON)).toBe(true);
    expect(canOnCity(stakeholder, 'manage_pilot_projects', LYON)).toBe(false);
    expect(canOnCity(stakeholder, 'read_pilot_projects', LYON)).toBe(true);
    expect(canOnCity(observer, 'read_pilot_projects', LYON)).toBe(true);
    expect(canOnCity(other, 'read_pilot_projects', LYON)).toBe(false);
    expect(canOnCity(editor, 'manage_members', LYON)).toBe(false);
    expect(canOnCity(coordinator, 'manage_members', LYON)).toBe(true);
  });

  it('keeps invitations to coordinators and admins, user management to admins', () => {
    expect(canOnProgramme({ role: 'coordinator' }, 'invite')).toBe(true);
    expect(canOnProgramme({ role: 'member' }, 'invite')).toBe(false);
    expect(canOnProgramme({ role: 'coordinator' }, 'manage_users')).toBe(false);
    expect(canOnProgramme({ role: 'admin' }, 'manage_users')).toBe(true);
    expect(canOnProgramme({ role: 'admin' }, 'read_audit_log')).toBe(true);
    expect(canOnProgramme({ role: 'coordinator' }, 'view_dashboard')).toBe(true);
    expect(canOnProgramme({ role: 'member' }, 'view_dashboard')).toBe(false);
    expect(canOnProgramme({ role: 'admin' }, 'compile_report')).toBe(true);
    expect(canOnProgramme({ role: 'member' }, 'compile_report')).toBe(false);
  });
});
