import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, noContent, problem } from '@/testing/fetch';
import { renderRoutes } from '@/testing/render';
import type { Page } from '@/lib/api';
import type { ChatSession } from '../types';
import { SessionsSidebar } from './SessionsSidebar';

afterEach(() => {
  vi.unstubAllGlobals();
});

const sessions: ChatSession[] = [
  { id: 's3', title: 'Revenue by month', createdAt: '2025-03-03T00:00:00Z' },
  { id: 's2', title: 'Top customers', createdAt: '2025-03-02T00:00:00Z' },
  { id: 's1', title: 'How many orders are there?', createdAt: '2025-03-01T00:00:00Z' },
];

function renderSidebar(
  page: Page<ChatSession> | undefined,
  props: { error?: unknown; canEdit?: boolean } = {},
) {
  const handlers = { onReload: vi.fn(), onShowMore: vi.fn(), onDeleted: vi.fn() };
  const view = renderRoutes(
    [
      {
        path: '/chat/:sessionId?',
        element: (
          <SessionsSidebar
            page={page}
            error={props.error}
            loading={false}
            canEdit={props.canEdit ?? true}
            {...handlers}
          />
        ),
      },
    ],
    { path: '/chat/s2' },
  );
  return { ...view, ...handlers };
}

const page = (items: ChatSession[], total = items.length): Page<ChatSession> => ({
  items,
  total,
  offset: 0,
  limit: 30,
});

describe('SessionsSidebar', () => {
  it('shows skeletons while loading', () => {
    renderSidebar(undefined);
    expect(screen.getByRole('status', { name: 'Loading conversations' })).toBeInTheDocument();
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual(['New conversation']);
  });

  it('lists the sessions in the order the server gives (newest first)', () => {
    const { router } = renderSidebar(page(sessions, 40));
    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'New conversation',
      'Revenue by month',
      'Top customers',
      'How many orders are there?',
    ]);
    expect(within(nav).getByRole('link', { name: 'Top customers' })).toHaveClass(
      'session__link--active',
    );
    expect(within(nav).getByRole('button', { name: 'Show more' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/chat/s2');
  });

  it('says when there are no conversations yet, and offers a retry after an error', async () => {
    renderSidebar(page([]));
    expect(screen.getByText(/No conversations yet/)).toBeInTheDocument();
    const { onReload } = renderSidebar(undefined, { error: new Error('Boom') });
    expect(screen.getByRole('alert')).toHaveTextContent('Boom');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('renames a session, and Escape cancels', async () => {
    const { calls } = mockFetch(({ body }) =>
      (body as { title: string }).title === 'x'
        ? problem(400, { detail: 'Invalid', errors: [{ field: 'title', message: 'too short' }] })
        : json({ id: 's2', title: 'Best customers' }),
    );
    const user = userEvent.setup();
    const { onReload } = renderSidebar(page(sessions));

    await user.click(screen.getByRole('button', { name: 'Rename “Top customers”' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Rename “Top customers”' }));
    const input = screen.getByRole('textbox', { name: 'Conversation title' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('too short');

    await user.clear(input);
    await user.type(input, 'Best customers{Enter}');
    await vi.waitFor(() => expect(onReload).toHaveBeenCalledOnce());
    expect(calls.at(-1)).toMatchObject({
      url: '/api/v1/chat/sessions/s2',
      method: 'PATCH',
      body: { title: 'Best customers' },
    });
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('deletes a session only after confirming', async () => {
    const { calls } = mockFetch(() => noContent());
    const user = userEvent.setup();
    const { onDeleted } = renderSidebar(page(sessions));

    await user.click(screen.getByRole('button', { name: 'Delete “Revenue by month”' }));
    const confirm = screen.getByRole('group', { name: 'Delete “Revenue by month”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(calls).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete “Revenue by month”' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalledWith(sessions[0]));
    expect(calls).toEqual([
      expect.objectContaining({ url: '/api/v1/chat/sessions/s3', method: 'DELETE' }),
    ]);
  });

  it('lets viewers only read', () => {
    renderSidebar(page(sessions), { canEdit: false });
    expect(screen.getByRole('link', { name: 'Top customers' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Rename|Delete/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New conversation' })).toBeNull();
  });
});
