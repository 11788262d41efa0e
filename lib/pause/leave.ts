/** What leaving needs from the browser. */
export interface TabPort {
  goBack(tabId: number): Promise<void>;
  close(tabId: number): Promise<void>;
}

/**
 * Leaves the site in a tab: back if the tab has somewhere to go back to,
 * otherwise closes it. The browser knows the history better than the page
 * does (history.length counts forward entries too), so try back first and
 * close when the browser says there is nothing behind.
 */
export async function leaveTab(port: TabPort, tabId: number, canGoBack: boolean): Promise<'back' | 'closed'> {
  if (canGoBack) {
    try {
      await port.goBack(tabId);
      return 'back';
    } catch {
      // No entry behind this one: fall through to closing.
    }
  }
  await port.close(tabId);
  return 'closed';
}
