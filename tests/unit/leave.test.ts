import { describe, expect, it, vi } from 'vitest';
import { leaveTab } from '@/lib/pause/leave';

describe('leaveTab', () => {
  it.each([
    ['goes back when there is a page behind', true, false, 'back', [[4]], []],
    ['closes the tab when the browser finds nothing behind', true, true, 'closed', [[4]], [[4]]],
    ['closes the tab without trying back when the page knows there is nothing', false, false, 'closed', [], [[4]]],
  ] as const)('%s', async (_, canGoBack, backFails, result, backCalls, closeCalls) => {
    const port = {
      goBack: vi.fn(async () => {
        if (backFails) throw new Error('Cannot find a next page in history.');
      }),
      close: vi.fn(async () => undefined),
    };
    await expect(leaveTab(port, 4, canGoBack)).resolves.toBe(result);
    expect(port.goBack.mock.calls).toEqual(backCalls);
    expect(port.close.mock.calls).toEqual(closeCalls);
  });

  it('reports a tab that can be neither left nor closed', async () => {
    const port = { goBack: vi.fn(async () => Promise.reject(new Error('no'))), close: vi.fn(async () => Promise.reject(new Error('No tab with id: 4'))) };
    await expect(leaveTab(port, 4, true)).rejects.toThrow('No tab with id: 4');
  });
});
