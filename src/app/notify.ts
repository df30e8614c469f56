/** A short message to the user in the status line (errors name the field and value). */
export function notify(message: string, kind: 'info' | 'error' = 'info'): void {
  const toast = document.getElementById('toast');
  if (!toast) return;
  toast.textContent = message;
  toast.className = `show ${kind}`;
  window.setTimeout(() => { if (toast.textContent === message) toast.className = ''; }, kind === 'error' ? 8000 : 3000);
}
