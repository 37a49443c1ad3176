import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { call, cityId, login } from './support/api';
import { launch, newContext, signIn } from './support/browser';
import { chooseLanguage, documentScreenshot } from './support/editor';

interface Project {
  id: string;
  title: string;
  status: string;
  overdueMilestones: number;
  progressPercent: number | null;
  milestones: Array<{ title: string; dueDate: string; overdue: boolean }>;
}

/** A coordinator runs the Action phase from the interface: a pilot project, its milestone, the dashboard. */
describe('pilot projects and the programme at a glance', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function person(email: string): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, email);
    return page;
  }

  beforeAll(async () => {
    browser = await launch();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates a pilot project in Lyon with a milestone already past due, and finds it late on the dashboard', async () => {
    const page = await person('coordinator@passerelle.test');
    const title = `Evening classes at the Guillotière library ${Date.now()}`;
    const milestone = `Volunteer teachers recruited ${Date.now()}`;

    await page.goto('/cities/lyon/action');
    await page.getByRole('link', { name: 'New pilot project' }).click();
    await page.getByRole('heading', { name: 'New pilot project in Lyon' }).waitFor();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Summary').fill('French classes two evenings a week, run with the neighbourhood library.');
    await page.getByLabel('Theme').selectOption({ label: 'Access to basic services' });
    await page.getByLabel('Lead organisation').selectOption({ label: 'Maison des Solidarités de la Guillotière' });
    await page.getByRole('checkbox', { name: 'United Cities and Local Governments (UCLG)' }).check();
    await page.getByLabel('Start date').fill('2024-01-08');
    await page.getByLabel('End date').fill('2026-12-18');
    await page.getByLabel('Budget').fill('24000');
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByRole('button', { name: 'Create the project' }).click();

    await page.waitForURL(/\/pilot-projects\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const projectId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('Proposed', { exact: true }).waitFor();

    // A milestone due in the past is flagged at once.
    const addForm = page.locator('form', { has: page.getByRole('heading', { name: 'Add a milestone' }) });
    await addForm.getByLabel('Milestone').fill(milestone);
    await addForm.getByLabel('Due').fill('2024-03-01');
    await addForm.getByRole('button', { name: 'Add' }).click();
    const row = page.getByRole('row', { name: new RegExp(milestone) });
    await row.getByText('Overdue').waitFor();
    await page.getByText('1 overdue milestone').waitFor();

    // The status moves only along the allowed transitions.
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('In progress', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    await page.getByLabel('Progress (%)').fill('15');
    await page.getByLabel('What happened since the last update').fill('First two classes held; twelve learners.');
    await page.getByRole('button', { name: 'Add the update' }).click();
    await page.getByText('First two classes held; twelve learners.').waitFor();

    // What the API stored is what the page showed.
    const coordinator = await login('coordinator@passerelle.test');
    const stored = await call<Project>(coordinator, 'GET', `/pilot-projects/${projectId}`);
    expect(stored.body).toMatchObject({
      title,
      status: 'in_progress',
      overdueMilestones: 1,
      progressPercent: 15,
      milestones: [{ title: milestone, dueDate: '2024-03-01', overdue: true }],
    });
    const lyonProjects = await call<Project[]>(
      coordinator,
      'GET',
      `/pilot-projects?cityId=${await cityId(coordinator, 'lyon')}`,
    );
    expect(lyonProjects.body.map((p) => p.id)).toContain(projectId);

    await chooseLanguage(page, 'fr');
    await page.getByRole('heading', { name: 'Jalons' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreenshot(page, 'pilot-project-fr');

    // The dashboard, from the navigation: the late milestone, with its project and city.
    await chooseLanguage(page, 'en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const overdue = page.getByRole('region', { name: 'Overdue milestones' });
    const item = overdue.getByRole('listitem').filter({ hasText: milestone });
    await item.waitFor();
    expect(await item.getByRole('link', { name: title }).getAttribute('href')).toBe(`/pilot-projects/${projectId}`);
    await item.getByText('Lyon').waitFor();
    await page.locator('.dashboard-charts .recharts-surface').first().waitFor();
    await page.waitForLoadState('networkidle');
    // Tall enough to show the figures, every city's progress and the charts at once.
    await page.setViewportSize({ width: 1280, height: 1700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreenshot(page, 'dashboard-en');
    await page.setViewportSize({ width: 1280, height: 800 });

    await item.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it("compares the cities' key figures in Arabic, as a table, as charts and as a CSV download", async () => {
    const page = await person('observer@passerelle.test');
    await chooseLanguage(page, 'ar');
    await page.goto('/cities/lyon/knowledge');
    await page.getByRole('heading', { name: 'الأرقام الرئيسية' }).waitFor();
    await page.getByRole('link', { name: 'مقارنة المدن' }).click();

    await page.getByRole('heading', { level: 1, name: 'الأرقام الرئيسية للمدن' }).waitFor();
    const table = page.locator('table.comparison-table');
    await table.getByRole('link', { name: 'ليون' }).waitFor();
    expect(await table.getByRole('columnheader').count()).toBeGreaterThan(2);
    await page.locator('.chart-card .recharts-surface').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'تنزيل ملف CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toContain('المدينة');
    expect(csv).toContain('ليون');

    await page.waitForLoadState('networkidle');
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await documentScreenshot(page, 'indicators-ar');
  });
});
