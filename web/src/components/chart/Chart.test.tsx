import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Chart } from './Chart';

const instance = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
const init = vi.fn(() => instance);
vi.mock('./echarts', () => ({ init }));

let resizeCallback: (() => void) | undefined;
const disconnect = vi.fn();

beforeEach(() => {
  resizeCallback = undefined;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(cb: () => void) {
        resizeCallback = cb;
      }
      observe = vi.fn();
      disconnect = disconnect;
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe('Chart', () => {
  it('renders the option, follows its container and disposes on unmount', async () => {
    const option = { series: [{ type: 'bar' as const, data: [1, 2, 3] }] };
    const { unmount, rerender } = render(<Chart option={option} ariaLabel="Sales by month" />);
    expect(screen.getByRole('img', { name: 'Sales by month' })).toBeInTheDocument();
    await waitFor(() => expect(init).toHaveBeenCalledOnce());
    expect(instance.setOption).toHaveBeenCalledWith(option);

    resizeCallback?.();
    expect(instance.resize).toHaveBeenCalledOnce();

    const next = { series: [{ type: 'line' as const, data: [3, 2, 1] }] };
    rerender(<Chart option={next} ariaLabel="Sales by month" />);
    expect(instance.setOption).toHaveBeenLastCalledWith(next, { notMerge: true });

    unmount();
    expect(disconnect).toHaveBeenCalledOnce();
    expect(instance.dispose).toHaveBeenCalledOnce();
  });
});
