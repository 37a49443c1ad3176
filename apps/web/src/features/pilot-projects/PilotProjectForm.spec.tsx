import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api, ApiError } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { renderWithApp } from '../../test/render';
import { organisations, themes } from './pilotProjects.fixtures';
import { PilotProjectForm } from './PilotProjectForm';
import { emptyPilotProjectValues } from './validation';

type Submit = jest.Mock<Promise<unknown>, [fields: unknown]>;
const submitted = (): Submit => jest.fn<Promise<unknown>, [fields: unknown]>(async () => undefined);

async function renderForm(onSubmit: Submit = submitted()) {
  await renderWithApp(
    <PilotProjectForm
      cityId="c-lyon"
      initial={emptyPilotProjectValues}
      themes={themes}
      organisations={organisations}
      submitLabel="Create the project"
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

describe('the pilot project form', () => {
  beforeEach(() => {
    api.setSession(null);
    mockFetch({ 'POST /api/auth/refresh': { status: 401 } });
  });

  it('refuses a project without a title, says so by the field and focuses it', async () => {
    const onSubmit = await renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create the project' }));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('This field is required.');
    expect(title).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses an end date before the start date, and a budget without its currency or with cents of cents', async () => {
    const onSubmit = await renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), 'Welcome desk');
    await user.type(screen.getByLabelText('Start date'), '2025-06-01');
    await user.type(screen.getByLabelText('End date'), '2025-05-01');
    await user.type(screen.getByLabelText('Budget'), '1200.555');
    await user.click(screen.getByRole('button', { name: 'Create the project' }));

    expect(screen.getByLabelText('End date')).toHaveAccessibleDescription(
      'The end date cannot be before the start date.',
    );
    expect(screen.getByLabelText('Budget')).toHaveAccessibleDescription('Use at most two decimals.');
    expect(screen.getByLabelText('Currency')).toHaveAccessibleDescription('Choose the currency of the budget.');
    expect(screen.getByLabelText('End date')).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();

    // Correcting a field clears its message.
    await user.clear(screen.getByLabelText('Budget'));
    await user.type(screen.getByLabelText('Budget'), '1200.50');
    expect(screen.getByLabelText('Budget')).not.toHaveAttribute('aria-invalid');
  });

  it('sends the fields the API takes: trimmed text, chosen ids, a numeric budget, null for what is left empty', async () => {
    const onSubmit = await renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), '  Welcome desk  ');
    await user.selectOptions(screen.getByLabelText('Theme'), 'Access to basic services');
    await user.selectOptions(screen.getByLabelText('Lead organisation'), 'Maison des Solidarités');
    await user.click(screen.getByRole('checkbox', { name: 'United Cities and Local Governments (UCLG)' }));
    await user.type(screen.getByLabelText('Budget'), '85000');
    await user.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    await user.click(screen.getByRole('button', { name: 'Create the project' }));

    expect(onSubmit).toHaveBeenCalledWith({
      title: 'Welcome desk',
      summary: '',
      themeId: 't-services',
      priority: null,
      leadOrganisationId: 'o-mds',
      partnerOrganisationIds: ['o-uclg'],
      startDate: null,
      endDate: null,
      budget: 85000,
      currency: 'EUR',
    });
  });

  it("offers the programme's partners and the city's own organisations, not another city's", async () => {
    await renderForm();
    expect(screen.getByRole('checkbox', { name: 'Maison des Solidarités' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Association Détroit Accueil' })).not.toBeInTheDocument();
  });

  it('shows what the API still refuses above the buttons', async () => {
    await renderForm(
      jest.fn<Promise<unknown>, [fields: unknown]>(async () => {
        throw new ApiError(403, 'forbidden', 'You may not manage the pilot projects of this city');
      }),
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), 'Welcome desk');
    await user.click(screen.getByRole('button', { name: 'Create the project' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You may not manage the pilot projects of this city');
  });
});
