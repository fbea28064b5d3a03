// Progressive enhancement only: every flow works without this file. Behaviours start from
// data-module attributes, and only in browsers that support what they use.
const modules = {
  // Prevents a double click from sending a form twice (the server also ignores a second submit).
  'submit-once': (button) => {
    const form = button.form;
    if (!form) return;
    form.addEventListener('submit', () => {
      setTimeout(() => {
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
      }, 0);
    });
  },
  // On a phone the header's navigation folds behind a "Menu" button (closed at first); on a
  // wider screen the style sheet hides the button and ignores the folding.
  'header-menu': (button) => {
    const header = button.closest('header');
    if (!header) return;
    // Folded from the first paint by the style sheet (the page is marked `ko-js`); open adds
    // `ko-header--open`.
    const show = (open) => {
      header.classList.toggle('ko-header--open', open);
      button.setAttribute('aria-expanded', String(open));
    };
    show(false);
    button.hidden = false;
    button.addEventListener('click', () => show(button.getAttribute('aria-expanded') !== 'true'));
  },
  // Moves focus to the error summary after a failed submit, so screen readers announce it.
  'error-summary': (element) => {
    const heading = element.querySelector('[tabindex="-1"]') || element;
    heading.focus();
  },
};

if ('querySelectorAll' in document && 'addEventListener' in window) {
  // The layout's inline script drops the `ko-js` mark if this file has not started within 5 s.
  window.koApp = true;
  document.documentElement.classList.add('ko-js');
  for (const element of document.querySelectorAll('[data-module]')) {
    const start = modules[element.getAttribute('data-module')];
    if (start) start(element);
  }
}
