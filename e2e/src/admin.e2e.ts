import type { Browser, BrowserContext } from 'playwright-core';
import { call, cityId, login } from './support/api';
import { launch, newContext, signIn } from './support/browser';

/** The administration page: invite someone to a city, they accept the link, their membership shows. */
describe('administration', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launch();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const open = async () => {
    const context = await newContext(browser);
    contexts.push(context);
    return context.newPage();
  };

  it('invites a stakeholder to Lyon with a one-time link that signs them in', async () => {
    const coordinator = await open();
    await signIn(coordinator, 'coordinator@passerelle.test');
    await coordinator.getByRole('link', { name: 'Administration' }).click();
    await coordinator.getByRole('link', { name: 'Invitations' }).click();

    const email = `nadia.invited.${Date.now()}@example.org`;
    await coordinator.getByLabel('Email address').fill(email);
    await coordinator.getByLabel('City', { exact: true }).selectOption({ label: 'Lyon' });
    await coordinator.getByLabel('Role in the city').selectOption('stakeholder');
    await coordinator.getByRole('button', { name: 'Create the invitation' }).click();
    const link = await coordinator.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/invite\//);
    await coordinator.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) }).waitFor();

    const invitee = await open();
    await invitee.goto(new URL(link).pathname);
    await invitee.getByLabel('Your name').fill('Nadia Invitée');
    await invitee.getByLabel('Password', { exact: true }).fill('a-long-password-1');
    await invitee.getByLabel('Confirm the password').fill('a-long-password-1');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await invitee.waitForURL((url) => !url.pathname.startsWith('/invite'));

    // The link worked once; the coordinator now finds Nadia among Lyon's members.
    const session = await login('coordinator@passerelle.test');
    const members = await call<Array<{ email: string; role: string }>>(
      session,
      'GET',
      `/cities/${await cityId(session, 'lyon')}/members`,
    );
    expect(members.body.find((m) => m.email === email)?.role).toBe('stakeholder');
    await coordinator.getByRole('link', { name: 'City members' }).click();
    await coordinator.getByLabel('City', { exact: true }).selectOption('lyon');
    await coordinator.getByRole('heading', { name: 'Members of Lyon' }).waitFor();
    await coordinator.getByText('Nadia Invitée').waitFor();
  });

  it("lets an admin change someone's global role, and not a coordinator", async () => {
    const admin = await open();
    await signIn(admin, 'admin@passerelle.test');
    await admin.goto('/admin/people');
    await admin.getByLabel('Global role of Sofia Marques').waitFor();

    const coordinator = await open();
    await signIn(coordinator, 'coordinator@passerelle.test');
    await coordinator.goto('/admin/people');
    await coordinator.getByText('Sofia Marques').waitFor();
    expect(await coordinator.getByLabel('Global role of Sofia Marques').count()).toBe(0);

    const member = await open();
    await signIn(member, 'editor.lyon@passerelle.test');
    await member.goto('/admin');
    await member.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});
