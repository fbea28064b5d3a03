import type { CarePlan } from '../../platform/db/schema/requests.ts';
import type { Language } from '../../platform/i18n/index.ts';
import {
  compareOfferWithRequest,
  describeDifference,
  offerPlanMessages,
  planRows,
} from '../requests/index.ts';

/**
 * An offer next to its request: a small table (start date, then weekday | requested | offered)
 * and, before the answer, the differences in words — or that the offer matches. Parents read
 * "your request"; staff (intermediaries) read "the request".
 */
export function OfferPlanComparison(props: {
  lang: Language;
  requested: { start: string; carePlan: CarePlan };
  offered: { start: string; carePlan: CarePlan };
  audience?: 'parent' | 'staff';
}) {
  const { lang, requested, offered } = props;
  const t = offerPlanMessages[lang];
  const staff = props.audience === 'staff';
  const differences = compareOfferWithRequest(requested, offered);
  return (
    <div class="ko-offer-plan" data-qa="offer-plan">
      {differences.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="offer-matches">
          {staff ? t.matchesStaff : t.matches}
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph">{staff ? t.differsIntroStaff : t.differsIntro}</p>
          <ul class="utrecht-unordered-list" data-qa="offer-differences">
            {differences.map((d) => (
              <li key={d.kind === 'day' ? d.day : 'start'}>{describeDifference(lang, d)}</li>
            ))}
          </ul>
        </>
      )}
      <div class="ko-table-scroll">
        <table class="utrecht-table ko-table" data-qa="offer-plan-table">
          <caption class="utrecht-table__caption">{staff ? t.captionStaff : t.caption}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {[t.dayColumn, t.requested, t.offered].map((h) => (
                <th scope="col" class="utrecht-table__header-cell" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {planRows(lang, requested, offered).map((row) => (
              <tr class="utrecht-table__row" key={row.label} data-qa="offer-plan-row">
                <th scope="row" class="utrecht-table__header-cell ko-wrap">
                  {row.label}
                </th>
                <td class="utrecht-table__cell ko-wrap">{row.requested}</td>
                <td class="utrecht-table__cell ko-wrap">
                  {row.differs ? <strong>{row.offered}</strong> : row.offered}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
