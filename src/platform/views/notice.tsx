import type { ComponentChildren } from 'preact';

/** A confirmation after a step (POST-redirect-GET brings the page back with `?done=`). */
export function Notice(props: { children: ComponentChildren }) {
  return (
    <div class="utrecht-alert utrecht-alert--ok ko-notice" role="status" data-qa="notice">
      <p class="utrecht-paragraph">{props.children}</p>
    </div>
  );
}

/** The same for a text that may be absent (no step done): nothing then. */
export function TextNotice(props: { text: string | undefined }) {
  return props.text ? <Notice>{props.text}</Notice> : null;
}
