import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

/** A page with a title, a sentence and a way back (errors, confirmations). */
export function MessagePage(props: {
  ctx: PageContext;
  title: string;
  body: string;
  link?: { href: string; label: string };
}) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      <p class="utrecht-paragraph">{props.body}</p>
      {props.link && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={props.link.href}>
            {props.link.label}
          </a>
        </p>
      )}
    </Layout>
  );
}
