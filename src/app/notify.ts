/**
 * Messages to the user in the status area (#toast, a polite live region).
 * Errors name the field, the value and the allowed range; they stay until
 * dismissed or replaced (a list of problems can take a while to read). Info
 * messages fade after a few seconds.
 */
let timer = 0;

export function notify(message: string | readonly string[], kind: 'info' | 'error' = 'info'): void {
  const toast = document.getElementById('toast');
  if (!toast) return;
  const lines = typeof message === 'string' ? [message] : [...message];
  window.clearTimeout(timer);
  const body = document.createElement('div');
  body.className = 'toast-body';
  if (lines.length === 1) body.textContent = lines[0]!;
  else {
    const ul = document.createElement('ul');
    for (const l of lines) { const li = document.createElement('li'); li.textContent = l; ul.appendChild(li); }
    body.appendChild(ul);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'toast-close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss message');
  close.addEventListener('click', () => clearNotice());
  toast.replaceChildren(body, close);
  toast.className = `show ${kind}`;
  toast.dataset.kind = kind;
  if (kind === 'info') timer = window.setTimeout(clearNotice, 3500);
}

/** Hide the status message. */
export function clearNotice(): void {
  const toast = document.getElementById('toast');
  if (!toast) return;
  toast.className = '';
  toast.replaceChildren();
  delete toast.dataset.kind;
}
