import { CONFIRM_FIELD, CONFIRM_VALUE } from '../../platform/http/forms.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { CsrfField, SubmitButton } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { childName } from '../families/index.ts';
import { CannotUndo, confirmMessages, DeclineConsequences } from '../request-journey/index.ts';
import { messages } from './intermediaries.messages.ts';
import type { getRequestFollowUp } from './intermediaries.service.ts';

type FollowUp = Awaited<ReturnType<typeof getRequestFollowUp>>;

/**
 * Before staff record that the family declines an offer: what happens to the request, then the
 * confirm button (the answer form's own POST with `confirmed=yes`) and the way back.
 */
export function DeclineForFamilyPage(props: {
  ctx: PageContext;
  detail: FollowUp;
  offered: FollowUp['preferences'][number];
}) {
  const { ctx, detail, offered } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const c = confirmMessages[lang];
  const page = `/intermediary/families/${detail.family.id}/requests/${detail.request.id}`;
  const title = c.declineTitle(offered.locationName);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="ko-caption">{t.requestTitle(childName(detail.child))}</p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <DeclineConsequences
        lang={lang}
        audience="staff"
        preferences={detail.preferences}
        declined={offered}
        requestActive={detail.request.status === 'active'}
      />
      <CannotUndo lang={lang} />
      <form method="post" action={`${page}/offers/${offered.offerId}/answer`} class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="answer" value="decline" />
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        <SubmitButton qa="confirm-decline">{c.declineConfirmStaff}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={page} data-qa="back-to-request">
          {c.keepOffer}
        </a>
      </p>
    </Layout>
  );
}
