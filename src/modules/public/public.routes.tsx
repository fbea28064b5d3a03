import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { messages } from './public.messages.ts';

function HomePage(props: { ctx: PageContext }) {
  const t = messages[props.ctx.lang];
  return (
    <Layout ctx={props.ctx} title={t.homeTitle}>
      <h1 class="utrecht-heading-1">{t.homeTitle}</h1>
      <p class="utrecht-paragraph ko-lead">{t.intro}</p>
      <h2 class="utrecht-heading-2">{t.stepsTitle}</h2>
      <ol class="utrecht-ordered-list">
        {Object.values(t.steps).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="/parent/requests/new"
          data-qa="start-request"
        >
          {t.start}
        </a>
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/login">
          {t.haveAccount}
        </a>
      </p>
    </Layout>
  );
}

/** The public pages; the full public site (search, profiles, news) is built on this module. */
export function registerPublicRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/', { config: { action: 'public.page' } }, (request, reply) =>
    sendPage(reply, <HomePage ctx={pageContext(request, reply, deps)} />),
  );
}
