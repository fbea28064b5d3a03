/** The parents' page on the priority rules: generated from the rule set valid today (ADR 0018). */
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Fact } from '../../platform/views/facts.tsx';
import { type PriorityCriterion, priorityParentMessages, type RuleSet } from '../priority-rules/index.ts';
import { PublicLayout } from './public-site.components.tsx';
import { priorityPageMessages } from './public-site.messages.priority.ts';

function List(props: { items: string[]; qa: string }) {
  return (
    <ul class="utrecht-unordered-list" data-qa={props.qa}>
      {props.items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function validity(lang: Language, set: RuleSet): string {
  const t = priorityPageMessages[lang];
  const from = formatDate(lang, set.validFrom);
  return set.validUntil ? t.validBetween(from, formatDate(lang, set.validUntil)) : t.validSince(from);
}

/** Who gets priority under the set, in the order of absolute priority, priority, vulnerable families. */
function Rules(props: { lang: Language; set: RuleSet }) {
  const { lang, set } = props;
  const t = priorityPageMessages[lang];
  const words = priorityParentMessages[lang];
  const group = (criteria: PriorityCriterion[]) => criteria.map((c) => words.group[c]);
  const trait = (criteria: PriorityCriterion[]) => criteria.map((c) => words.trait[c]);
  const others = set.criteria.filter((c) => !set.absoluteCriteria.includes(c));
  const { characteristics, minimum, requiredAmong } = set.vulnerable;
  // A "one of these must be among them" that names every characteristic says nothing more.
  const required = requiredAmong.filter((c) => characteristics.includes(c));
  return (
    <>
      {set.absoluteCriteria.length > 0 && (
        <section aria-labelledby="absolute">
          <h2 class="utrecht-heading-2" id="absolute">
            {t.absoluteTitle}
          </h2>
          <p class="utrecht-paragraph">{t.absoluteIntro}</p>
          <List items={group(set.absoluteCriteria)} qa="priority-absolute" />
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="priority">
          <h2 class="utrecht-heading-2" id="priority">
            {t.priorityTitle}
          </h2>
          <p class="utrecht-paragraph">{t.priorityIntro}</p>
          <List items={group(others)} qa="priority-criteria" />
        </section>
      )}
      {characteristics.length > 0 && (
        <section aria-labelledby="vulnerable">
          <h2 class="utrecht-heading-2" id="vulnerable">
            {t.vulnerableTitle}
          </h2>
          <p class="utrecht-paragraph" data-qa="priority-reserved">
            {t.vulnerableIntro(set.reservedSharePercent, minimum)}
          </p>
          <List items={trait(characteristics)} qa="priority-vulnerable" />
          {required.length > 0 && required.length < characteristics.length && (
            <>
              <p class="utrecht-paragraph">{t.vulnerableRequired}</p>
              <List items={trait(required)} qa="priority-vulnerable-required" />
            </>
          )}
        </section>
      )}
      {set.deviationSharePercent !== null && set.deviationSharePercent > 0 && (
        <p class="utrecht-paragraph" data-qa="priority-deviation">
          {t.deviation(set.deviationSharePercent)}
        </p>
      )}
    </>
  );
}

export function PriorityRulesPage(props: { ctx: PageContext; ruleSet: RuleSet | undefined }) {
  const { ctx, ruleSet: set } = props;
  const lang = ctx.lang;
  const t = priorityPageMessages[lang];
  const name = set ? (set.name[lang] ?? set.name.nl) : '';
  return (
    <PublicLayout ctx={ctx} title={t.title} section="info">
      <article data-qa="priority-rules">
        <h1 class="utrecht-heading-1">{t.title}</h1>
        <p class="utrecht-paragraph ko-lead">{t.intro}</p>
        {set ? (
          <>
            <dl class="ko-facts" data-qa="priority-rule-set">
              <Fact label={t.rules}>
                <span lang={set.name[lang] ? undefined : 'nl'}>{name}</span>
              </Fact>
              <Fact label={t.valid}>{validity(lang, set)}</Fact>
              <Fact label={t.source}>
                {/* The legal reference is written in Dutch, as the texts it cites. */}
                {set.sourceUrl ? (
                  <a class="utrecht-link" href={set.sourceUrl} rel="noopener noreferrer" lang="nl">
                    {set.sourceReference}
                  </a>
                ) : (
                  <span lang="nl">{set.sourceReference}</span>
                )}
              </Fact>
            </dl>
            <Rules lang={lang} set={set} />
          </>
        ) : (
          <p class="utrecht-paragraph" data-qa="priority-none">
            {t.noRules}
          </p>
        )}
        <h2 class="utrecht-heading-2">{t.yoursTitle}</h2>
        <p class="utrecht-paragraph">{t.yours}</p>
      </article>
    </PublicLayout>
  );
}
