// The bench's floor: what any extension pays to cover a page at document_start
// with the question painted in a closed shadow root and its controls in an
// extension iframe, with no storage read and no decision to make first.
(() => {
  const host = document.createElement('pause-moment');
  host.style.cssText = 'all: initial; position: fixed; inset: 0; z-index: 2147483647; display: block';
  const root = host.attachShadow({ mode: 'closed' });
  const cover = document.createElement('div');
  cover.style.cssText = 'position: absolute; inset: 0; background: #f7f4ee; color: #1d1b18; display: grid; place-items: center; font: 24px system-ui, sans-serif';
  cover.textContent = 'Is this really my choice?';
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL('card.html');
  frame.title = 'Pause';
  frame.style.cssText = 'position: absolute; inset: 0; width: 100%; height: 100%; border: 0; background: transparent';
  root.append(cover, frame);
  document.documentElement.append(host);
  host.dataset.questionAt = String(performance.now());
})();
