import type { ComponentChildren } from 'preact';

/** One term and its value in a `<dl class="ko-facts">` list of key facts. */
export function Fact(props: { label: string; children: ComponentChildren; qa?: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd data-qa={props.qa}>{props.children}</dd>
    </div>
  );
}
