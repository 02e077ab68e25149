import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem, type Call } from '@/testing/fetch';
import { renderRoutes } from '@/testing/render';
import { AiSettingsPage } from './AiSettingsPage';
import type { AiSettingsView } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
});

const budget = {
  budget: 1_000_000,
  used: 250_000,
  remaining: 750_000,
  pctUsed: 25,
  resetsAt: '2025-04-01T00:00:00Z',
};

type Stored = Pick<AiSettingsView, 'provider' | 'model' | 'baseUrl' | 'apiKeySet'>;

/** The organization's settings as GET shows them; instance defaults where it has none. */
function view(stored: Stored | null): AiSettingsView {
  if (!stored) {
    return {
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      baseUrl: 'https://api.anthropic.com',
      apiKeySet: false,
      apiKeySource: 'instance',
      custom: false,
      instanceDefaults: ['provider', 'model', 'baseUrl'],
      updatedAt: null,
    };
  }
  return {
    ...stored,
    apiKeySource: stored.apiKeySet ? 'organization' : 'none',
    custom: true,
    instanceDefaults: [],
    updatedAt: '2025-03-01T10:00:00Z',
  };
}

function server(initial: Stored | null, onPut?: (call: Call) => Response | undefined) {
  let current = initial;
  return mockFetch((call) => {
    if (call.url === '/api/v1/org/budget' && call.method === 'GET') return json(budget);
    if (call.url === '/api/v1/org/budget' && call.method === 'PUT') {
      const amount = (call.body as { monthlyTokenBudget: number }).monthlyTokenBudget;
      return json({
        ...budget,
        budget: amount,
        remaining: amount - budget.used,
        pctUsed: (budget.used / amount) * 100,
      });
    }
    if (call.method === 'GET') return json(view(current));
    const refused = onPut?.(call);
    if (refused) return refused;
    const body = call.body as Stored & { apiKey?: string };
    const keySet = body.apiKey === undefined ? (current?.apiKeySet ?? false) : body.apiKey !== '';
    current = {
      provider: body.provider,
      model: body.model,
      baseUrl: body.baseUrl,
      apiKeySet: body.provider !== 'offline' && keySet,
    };
    return json(view(current));
  });
}

function renderPage() {
  return renderRoutes([{ path: '/settings/ai', element: <AiSettingsPage /> }], {
    path: '/settings/ai',
  });
}

describe('AiSettingsPage', () => {
  it('shows that a key is set without showing it, and keeps it when the field is left empty', async () => {
    const { calls } = server({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      baseUrl: null,
      apiKeySet: true,
    });
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'AI provider' });
    expect(within(form).getByLabelText('Provider')).toHaveValue('anthropic');
    expect(within(form).getByLabelText('Model')).toHaveValue('claude-sonnet-4-5');
    const key = within(form).getByLabelText('API key');
    expect(key).toHaveValue('');
    expect(key).toHaveAttribute('type', 'password');
    expect(within(form).getByText('Key set')).toBeInTheDocument();
    expect(within(form).getByText(/A key is set\. Leave empty to keep it/)).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('Model'));
    await user.type(within(form).getByLabelText('Model'), 'claude-opus-4-1');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('AI settings saved.')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/org/ai-settings');
    expect(put.body).toEqual({ provider: 'anthropic', model: 'claude-opus-4-1', baseUrl: null });
  });

  it('sends a new key, and only the provider for the offline engine', async () => {
    const { calls } = server({ provider: 'offline', model: null, baseUrl: null, apiKeySet: false });
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'AI provider' });
    expect(within(form).getByText(/own choice, last changed/)).toBeInTheDocument();
    expect(within(form).queryByLabelText('API key')).toBeNull();

    await user.selectOptions(within(form).getByLabelText('Provider'), 'openai');
    await user.type(within(form).getByLabelText('Base URL'), 'http://localhost:11434');
    await user.type(within(form).getByLabelText('Model'), 'llama3.1');
    await user.type(within(form).getByLabelText('API key'), 'sk-test-123');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('AI settings saved.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({
      provider: 'openai',
      model: 'llama3.1',
      baseUrl: 'http://localhost:11434',
      apiKey: 'sk-test-123',
    });
    // The key is not kept in the form once saved, and the page now says one is set.
    expect(within(form).getByLabelText('API key')).toHaveValue('');
    expect(await within(form).findByText('Key set')).toBeInTheDocument();

    await user.selectOptions(within(form).getByLabelText('Provider'), 'offline');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({
        provider: 'offline',
        model: null,
        baseUrl: null,
      }),
    );
  });

  it('shows the instance defaults without making them the organization’s own', async () => {
    const { calls } = server(null);
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'AI provider' });
    expect(
      within(form).getByText('Your organization uses the instance defaults.'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Provider')).toHaveValue('anthropic');
    const model = within(form).getByLabelText('Model');
    expect(model).toHaveValue('');
    expect(model).toHaveAttribute('placeholder', 'claude-sonnet-4-5');
    expect(within(form).getByLabelText('API key')).toHaveAccessibleDescription(
      'Empty uses the instance’s key for its own server.',
    );
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
        provider: 'anthropic',
        model: null,
        baseUrl: null,
      }),
    );
  });

  it('removes the stored key, and asks for it again when the base URL changes', async () => {
    const { calls } = server({
      provider: 'openai',
      model: 'gpt-4o-mini',
      baseUrl: 'https://api.openai.com',
      apiKeySet: true,
    });
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'AI provider' });
    const baseUrl = within(form).getByLabelText('Base URL');
    await user.type(baseUrl, '/v2');
    expect(within(form).getByLabelText('API key')).toHaveAccessibleDescription(
      'A new provider or base URL needs its key again.',
    );
    await user.clear(baseUrl);
    await user.type(baseUrl, 'https://api.openai.com');

    await user.click(within(form).getByRole('checkbox', { name: 'Remove the stored key' }));
    expect(within(form).getByLabelText('API key')).toBeDisabled();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('AI settings saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      baseUrl: 'https://api.openai.com',
      apiKey: '',
    });
    await vi.waitFor(() => expect(within(form).queryByText('Key set')).toBeNull());
    expect(within(form).queryByRole('checkbox')).toBeNull();
  });

  it('shows the server’s field errors beside their fields', async () => {
    server({ provider: 'openai', model: 'gpt-4o-mini', baseUrl: null, apiKeySet: false }, () =>
      problem(400, {
        title: 'Bad Request',
        detail: 'Invalid AI settings',
        errors: [
          { field: 'baseUrl', message: 'must be an http or https URL' },
          { field: 'apiKey', message: 'is required for openai' },
        ],
      }),
    );
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'AI provider' });
    await user.type(within(form).getByLabelText('Base URL'), 'ftp://nope');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    const baseUrl = within(form).getByLabelText('Base URL');
    expect(await within(form).findByText('must be an http or https URL')).toBeInTheDocument();
    expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
    expect(baseUrl).toHaveAccessibleDescription('must be an http or https URL');
    expect(within(form).getByLabelText('API key')).toHaveAccessibleDescription(
      'is required for openai',
    );
    expect(within(form).queryByText('AI settings saved.')).toBeNull();
  });

  it('shows a problem without field errors as a form message', async () => {
    server({ provider: 'openai', model: null, baseUrl: null, apiKeySet: false }, () =>
      problem(403, { title: 'Forbidden', detail: 'Your role does not allow this action' }),
    );
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'AI provider' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Your role does not allow this action',
    );
  });

  it('shows the month’s use and changes the budget', async () => {
    const { calls } = server({ provider: 'offline', model: null, baseUrl: null, apiKeySet: false });
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'Token budget' });
    expect(within(form).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    const input = within(form).getByLabelText('Tokens per month');
    expect(input).toHaveValue('1000000');

    await user.clear(input);
    await user.type(input, '12.5');
    await user.click(within(form).getByRole('button', { name: 'Save budget' }));
    expect(
      within(form).getByText('Enter a whole number of tokens, 0 or more.'),
    ).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.clear(input);
    await user.type(input, '500000');
    await user.click(within(form).getByRole('button', { name: 'Save budget' }));
    expect(await within(form).findByText('Budget saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ monthlyTokenBudget: 500000 });
    expect(within(form).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
  });
});
