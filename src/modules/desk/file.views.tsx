import {
  formatDate,
  formatDateTime,
  formatShortDate,
  type Language,
  locale,
  withColon,
  wordFor,
} from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField } from '../../platform/views/forms.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { MergeHistory } from '../duplicates/index.ts';
import { maskedNationalNumber } from '../families/index.ts';
import { TextArea } from '../provider-locations/index.ts';
import { PreferencesTable, Timeline } from '../request-journey/index.ts';
import { compactCarePlan, requestMessages } from '../requests/index.ts';
import { messages } from './desk.messages.ts';
import { REVEAL_REASONS } from './desk.schemas.ts';
import type { getFile } from './desk.service.ts';
import { DeskLayout, Notice } from './desk.views.tsx';

type Outcome = Awaited<ReturnType<typeof getFile>>;
export type DeskFile = Extract<Outcome, { file: unknown }>['file'];
export type Revealed = { personId: string; name: string; number: string };

const PARENT_MASK = '**.**.**-***.**';

function Th(props: { children: string }) {
  return (
    <th scope="col" class="utrecht-table__header-cell">
      {props.children}
    </th>
  );
}

/**
 * "Show" a national number: whose (the people of the file that have one) and why, from a fixed
 * list, then POST (never a link); the number appears only on the page that answers.
 */
function RevealForm(props: { ctx: PageContext; file: DeskFile; form: FormState | undefined }) {
  const { ctx, file } = props;
  const t = messages[ctx.lang];
  const people = [
    ...file.parents
      .filter((p) => p.nationalNumberCipher)
      .map((p) => ({ value: `parent:${p.id}`, label: `${p.firstName} ${p.lastName}` })),
    ...file.children
      .filter((c) => c.nationalNumberCipher)
      .map((c) => ({ value: `child:${c.id}`, label: [c.firstName, c.lastName].filter(Boolean).join(' ') })),
  ];
  if (people.length === 0) return null;
  const form = props.form ?? { values: {}, errors: {} };
  return (
    <form
      method="post"
      action={`/desk/families/${file.family.id}/national-number`}
      novalidate
      class="ko-filter-form"
      data-qa="reveal-form"
    >
      <CsrfField token={ctx.csrfToken} />
      <SelectField lang={ctx.lang} form={form} name="person" label={t.revealWhose} options={people} />
      <SelectField
        lang={ctx.lang}
        form={form}
        name="reason"
        label={t.reason}
        emptyLabel={t.chooseReason}
        options={REVEAL_REASONS.map((r) => ({ value: r, label: t.reasons[r] }))}
      />
      <button type="submit" class="utrecht-button utrecht-button--secondary-action" data-qa="reveal">
        {t.show}
      </button>
    </form>
  );
}

function NumberCell(props: {
  masked: string | undefined;
  personId: string;
  revealed: Revealed | undefined;
  none: string;
}) {
  if (!props.masked) return <>{props.none}</>;
  if (props.revealed?.personId === props.personId)
    return <strong data-qa="revealed-number">{props.revealed.number}</strong>;
  return <span data-qa="masked-number">{props.masked}</span>;
}

function People(props: {
  ctx: PageContext;
  file: DeskFile;
  revealed: Revealed | undefined;
  revealForm: FormState | undefined;
}) {
  const { ctx, file } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <>
      <h2 class="utrecht-heading-2">{t.parents}</h2>
      <TableScroll label={t.parents}>
        <table class="utrecht-table ko-table" data-qa="parents">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <Th>{t.colName}</Th>
              <Th>{t.colEmail}</Th>
              <Th>{t.colPhone}</Th>
              <Th>{t.colLanguage}</Th>
              <Th>{t.colAccount}</Th>
              <Th>{t.colNationalNumber}</Th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {file.parents.map((p) => {
              const name = `${p.firstName} ${p.lastName}`;
              return (
                <tr class="utrecht-table__row" key={p.id}>
                  <td class="utrecht-table__cell">{name}</td>
                  <td class="utrecht-table__cell">{p.email ?? t.none}</td>
                  <td class="utrecht-table__cell">{p.phone ?? t.none}</td>
                  <td class="utrecht-table__cell">{p.language}</td>
                  <td class="utrecht-table__cell">{p.userId ? t.hasAccount : t.noAccount}</td>
                  <td class="utrecht-table__cell">
                    <NumberCell
                      personId={p.id}
                      none={t.none}
                      masked={p.nationalNumberCipher ? PARENT_MASK : undefined}
                      revealed={props.revealed}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <h2 class="utrecht-heading-2">{t.children}</h2>
      <TableScroll label={t.children}>
        <table class="utrecht-table ko-table" data-qa="children">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <Th>{t.colName}</Th>
              <Th>{t.colBirth}</Th>
              <Th>{t.colNationalNumber}</Th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {file.children.map((c) => {
              const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
              return (
                <tr class="utrecht-table__row" key={c.id}>
                  <td class="utrecht-table__cell">{name}</td>
                  <td class="utrecht-table__cell">
                    {c.birthDate
                      ? formatShortDate(lang, c.birthDate)
                      : c.expectedBirthDate
                        ? t.expected(formatShortDate(lang, c.expectedBirthDate))
                        : t.none}
                  </td>
                  <td class="utrecht-table__cell">
                    <NumberCell
                      personId={c.id}
                      none={t.none}
                      masked={c.nationalNumberCipher ? (maskedNationalNumber(c) ?? PARENT_MASK) : undefined}
                      revealed={props.revealed}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <RevealForm ctx={ctx} file={file} form={props.revealForm} />
    </>
  );
}

function RequestActions(props: {
  lang: Language;
  requestId: string;
  active: boolean;
  unborn: boolean;
  openOffer: boolean;
}) {
  const t = messages[props.lang];
  const base = `/desk/requests/${props.requestId}`;
  const links: [string, string][] = props.active
    ? [
        [`${base}/change`, t.change],
        [`${base}/preferences`, t.changePreferences],
        [`${base}/confirm`, t.confirm],
        [`${base}/withdraw`, t.withdraw],
        ...(props.unborn ? ([[`${base}/birth`, t.birth]] as [string, string][]) : []),
        ...(props.openOffer ? ([[`${base}/offer`, t.answerOffer]] as [string, string][]) : []),
        [`${base}/emergency`, t.emergencyFollowUp],
      ]
    : [];
  if (links.length === 0) return null;
  return (
    <ul class="ko-inline-list" data-qa="request-actions">
      {links.map(([href, label]) => (
        <li key={href}>
          <a class="utrecht-link" href={href}>
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Requests(props: { lang: Language; file: DeskFile }) {
  const { lang, file } = props;
  const t = messages[lang];
  const r = requestMessages[lang];
  if (file.requests.length === 0) return <p class="utrecht-paragraph">{t.noRequests}</p>;
  return (
    <>
      {file.requests.map(({ request, child, preferences, events, offers }) => {
        const name = [child.firstName, child.lastName].filter(Boolean).join(' ');
        const status = wordFor(r.requestStatuses, request.status, request.status);
        const plan = compactCarePlan(request.carePlan, r.dayShort, t.perWeek, locale(lang));
        return (
          <section
            key={request.id}
            class="ko-request"
            data-qa="desk-request"
            aria-labelledby={`req-${request.id}`}
          >
            <h3 class="utrecht-heading-3" id={`req-${request.id}`}>
              {t.requestHeading(name, status)}
            </h3>
            <dl class="ko-summary">
              <div>
                <dt>{t.desiredStart}</dt>
                <dd>{formatDate(lang, request.desiredStart)}</dd>
              </div>
              {request.desiredEnd && (
                <div>
                  <dt>{t.desiredEnd}</dt>
                  <dd>{formatDate(lang, request.desiredEnd)}</dd>
                </div>
              )}
              <div>
                <dt>{t.carePlan}</dt>
                <dd>{plan}</dd>
              </div>
              <div>
                <dt>{t.channel}</dt>
                <dd>{wordFor(t.channels, request.channel, request.channel)}</dd>
              </div>
              <div>
                <dt>{t.submitted}</dt>
                <dd>{formatDate(lang, request.submittedAt)}</dd>
              </div>
              <div>
                <dt>{t.lastConfirmed}</dt>
                <dd>{formatDate(lang, request.lastConfirmedAt)}</dd>
              </div>
              {request.socialReason && (
                <div>
                  <dt>{t.socialEmergency}</dt>
                  <dd data-qa="social-reason">
                    {wordFor(t.socialReasons, request.socialReason, t.socialReasons.other)}
                  </dd>
                </div>
              )}
              {request.kind === 'occasional' && (
                <div>
                  <dt>{t.occasional}</dt>
                  <dd>{request.occasionalReason ?? t.yes}</dd>
                </div>
              )}
              {request.careNeeds && (
                <div>
                  <dt>{t.careNeeds}</dt>
                  <dd>{request.careNeedsText ?? t.yes}</dd>
                </div>
              )}
            </dl>
            <RequestActions
              lang={lang}
              requestId={request.id}
              active={request.status === 'active' || request.status === 'answered'}
              unborn={!child.birthDate}
              openOffer={offers.some((o) => o.status === 'pending')}
            />
            {preferences.length > 0 && <PreferencesTable lang={lang} preferences={preferences} />}
            <h4 class="utrecht-heading-4">{t.offers}</h4>
            {offers.length === 0 ? (
              <p class="utrecht-paragraph">{t.noOffers}</p>
            ) : (
              <TableScroll label={`${withColon(lang, t.offers)} ${name}`}>
                <table class="utrecht-table ko-table" data-qa="offers">
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      <Th>{t.colLocation}</Th>
                      <Th>{t.colStart}</Th>
                      <Th>{t.colDeadline}</Th>
                      <Th>{t.colStatus}</Th>
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    {offers.map((o) => (
                      <tr class="utrecht-table__row" key={o.id}>
                        <td class="utrecht-table__cell">{o.locationName}</td>
                        <td class="utrecht-table__cell">{formatShortDate(lang, o.startDate)}</td>
                        <td class="utrecht-table__cell">{formatShortDate(lang, o.answerDeadline)}</td>
                        <td class="utrecht-table__cell">{wordFor(t.offerStatuses, o.status, o.status)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <h4 class="utrecht-heading-4">{t.history}</h4>
            <Timeline lang={lang} events={events} viewer="staff" />
          </section>
        );
      })}
    </>
  );
}

function Tasks(props: { ctx: PageContext; file: DeskFile }) {
  const { ctx, file } = props;
  const t = messages[ctx.lang];
  if (file.tasks.length === 0) return <p class="utrecht-paragraph">{t.noTasks}</p>;
  const back = `/desk/families/${file.family.id}`;
  return (
    <ul class="utrecht-unordered-list" data-qa="file-tasks">
      {file.tasks.map((task) => (
        <li key={task.id}>
          {formatShortDate(ctx.lang, task.createdAt)} – {wordFor(t.taskKinds, task.kind, t.taskKinds.other)}{' '}
          {task.municipalityId ? (
            <form method="post" action={`/desk/tasks/${task.id}/done`} class="ko-inline-form">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" class="utrecht-button utrecht-button--subtle" data-qa="task-done">
                {t.done}
              </button>
            </form>
          ) : (
            `(${t.taskOfIntermediary})`
          )}
        </li>
      ))}
    </ul>
  );
}

function Notes(props: { ctx: PageContext; file: DeskFile; form: FormState }) {
  const { ctx, file } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <>
      {file.notes.length === 0 ? (
        <p class="utrecht-paragraph">{t.noNotes}</p>
      ) : (
        <ol class="utrecht-ordered-list ko-timeline" data-qa="notes">
          {file.notes.map((n) => (
            <li key={n.id}>
              {formatDateTime(lang, n.createdAt)} – {wordFor(t.noteKinds, n.kind, t.noteKinds.note)}
              {n.author ? ` (${n.author})` : ''}: {n.body}
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`/desk/families/${file.family.id}/notes`} novalidate data-qa="note-form">
        <CsrfField token={ctx.csrfToken} />
        <TextArea lang={lang} form={props.form} name="body" label={t.noteBody} rows={3} />
        <button
          type="submit"
          class="utrecht-button utrecht-button--secondary-action"
          data-qa="add-note"
          data-module="submit-once"
        >
          {t.noteSubmit}
        </button>
      </form>
    </>
  );
}

function Mails(props: { lang: Language; file: DeskFile }) {
  const { lang, file } = props;
  const t = messages[lang];
  if (file.mails.length === 0) return <p class="utrecht-paragraph">{t.noMails}</p>;
  return (
    <TableScroll label={t.mails}>
      <table class="utrecht-table ko-table" data-qa="mails">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <Th>{t.colWhen}</Th>
            <Th>{t.colTo}</Th>
            <Th>{t.colSubject}</Th>
            <Th>{t.colStatus}</Th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {file.mails.map((m) => (
            <tr class="utrecht-table__row" key={m.id}>
              <td class="utrecht-table__cell">{formatDateTime(lang, m.createdAt)}</td>
              <td class="utrecht-table__cell">{m.toAddress}</td>
              <td class="utrecht-table__cell ko-wrap">{m.subject}</td>
              <td class="utrecht-table__cell">{m.sentAt ? t.mailSent : t.mailPending}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The file: who (identity and key facts) first, then requests, tasks, notes, mails, and last the
 * files merged into this one (what moved).
 */
export function FilePage(props: {
  ctx: PageContext;
  file: DeskFile;
  noteForm?: FormState;
  revealForm?: FormState;
  revealed?: Revealed;
  notice?: string | undefined;
}) {
  const { ctx, file } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const family = file.family;
  const noteForm = props.noteForm ?? { values: {}, errors: {} };
  const address = [
    [family.street, family.houseNumber].filter(Boolean).join(' '),
    [family.postcode, family.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <DeskLayout ctx={ctx} title={t.fileTitle(family.fileNumber)}>
      <h1 class="utrecht-heading-1" data-qa="file-title">
        {t.fileTitle(family.fileNumber)}
      </h1>
      <Notice text={props.notice} />
      {props.revealForm && <ErrorSummary lang={lang} form={props.revealForm} />}
      <ErrorSummary lang={lang} form={noteForm} />
      {props.revealed && (
        <div class="utrecht-alert utrecht-alert--warning ko-notice" role="status" data-qa="revealed">
          <p class="utrecht-paragraph">
            {t.revealed(props.revealed.name)} <strong>{props.revealed.number}</strong>
          </p>
        </div>
      )}
      <dl class="ko-summary" data-qa="identity">
        <div>
          <dt>{t.address}</dt>
          <dd>{address || t.noAddress}</dd>
        </div>
        <div>
          <dt>{t.followedBy}</dt>
          <dd>{file.intermediary ?? t.noIntermediary}</dd>
        </div>
        <div>
          <dt>{t.consent}</dt>
          <dd>{family.consentAt ? formatDate(lang, family.consentAt) : t.noConsent}</dd>
        </div>
        <div>
          <dt>{t.priorityFacts}</dt>
          <dd data-qa="facts-given">
            {family.priorityFactsGivenAt
              ? t.factsGivenOn(formatDate(lang, family.priorityFactsGivenAt))
              : t.factsNeverDated}{' '}
            (
            <a
              class="utrecht-link"
              href={`/desk/families/${family.id}/priority-facts`}
              data-qa="change-facts"
            >
              {t.changeFacts}
            </a>
            )
          </dd>
        </div>
      </dl>
      <ul class="ko-inline-list" data-qa="file-actions">
        <li>
          <a class="utrecht-link" href={`/desk/families/${family.id}/requests/new`} data-qa="file-request">
            {t.fileRequest}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/desk/duplicates">
            {t.duplicatesLink}
          </a>
        </li>
      </ul>
      <People ctx={ctx} file={file} revealed={props.revealed} revealForm={props.revealForm} />
      <h2 class="utrecht-heading-2">{t.requests}</h2>
      <Requests lang={lang} file={file} />
      <h2 class="utrecht-heading-2">{t.tasks}</h2>
      <Tasks ctx={ctx} file={file} />
      <h2 class="utrecht-heading-2">{t.notes}</h2>
      <Notes ctx={ctx} file={file} form={noteForm} />
      <h2 class="utrecht-heading-2">{t.mails}</h2>
      <Mails lang={lang} file={file} />
      <MergeHistory lang={lang} merges={file.merges} />
    </DeskLayout>
  );
}
