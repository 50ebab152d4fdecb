// Live preview for the essay editor (/admin/essays/...): while an admin types, the Markdown is sent
// to /admin/preview and the sanitised HTML the server returns replaces the preview. Without
// JavaScript the form's Preview button does the same with a full page. No inline script or style:
// the page's Content-Security-Policy allows neither.
const DELAY_MS = 400;

const form = document.querySelector('form[data-preview-url]');
const textarea = form?.querySelector('textarea[name="markdown"]');
const target = document.getElementById('preview');
const status = document.getElementById('preview-status');
const tokenField = form?.querySelector('input[name="_csrf"]');

if (form && textarea && target && status && tokenField) {
  let timer = null;
  let inFlight = null;

  const update = async () => {
    if (inFlight) {
      inFlight.abort();
    }
    const controller = new AbortController();
    inFlight = controller;
    status.textContent = 'Updating the preview…';
    try {
      const response = await fetch(form.dataset.previewUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
          'X-CSRF-Token': tokenField.value,
        },
        body: new URLSearchParams({ markdown: textarea.value }),
        signal: controller.signal,
      });
      if (response.ok || response.status === 422) {
        // Sanitised on the server (commonmark with raw HTML escaped, then a jsoup allowlist); parsed
        // inertly with DOMParser, so nothing in it runs even if it somehow held a script.
        const fragment = new DOMParser().parseFromString(await response.text(), 'text/html');
        target.replaceChildren(...fragment.body.childNodes);
        status.textContent = response.ok
          ? 'Live preview: the text as readers will see it. It is not saved yet.'
          : 'The text cannot be previewed; see the message below.';
      } else {
        status.textContent = `The preview could not be updated (HTTP ${response.status}). Use the Preview button.`;
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        status.textContent = 'The preview could not be updated. Use the Preview button.';
      }
    } finally {
      if (inFlight === controller) {
        inFlight = null;
      }
    }
  };

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, DELAY_MS);
  });
  if (textarea.value.trim() !== '' && target.childElementCount === 0) {
    update();
  }
}
