import { formatShortDate, type Language } from '../../platform/i18n/index.ts';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { requestMessages as messages } from '../requests/index.ts';

type PreferenceRow = {
  id: string;
  rank: number | null;
  locationId: string;
  locationName: string;
  status: keyof (typeof messages)['nl']['preferenceStatuses'];
  statusChangedAt: Date;
};

/**
 * The ordered preferences of one request with each provider's answer. Parents also see what
 * happens next; provider staff see which row is their own location.
 */
export function PreferencesTable(props: {
  lang: Language;
  preferences: PreferenceRow[];
  ownLocationId?: string;
  showNextStep?: boolean;
}) {
  const t = messages[props.lang];
  const headers = [t.rank, t.location, t.status, t.since, ...(props.showNextStep ? [t.nextStep] : [])];
  return (
    <TableScroll label={t.preferencesHeading}>
      <table class="utrecht-table ko-table" data-qa="preferences">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {headers.map((h) => (
              <th scope="col" class="utrecht-table__header-cell" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.preferences.map((p) => (
            <tr class="utrecht-table__row" key={p.id} data-qa="preference-row">
              <td class="utrecht-table__cell">{p.rank ?? '–'}</td>
              <td class="utrecht-table__cell">
                {p.locationName} {p.locationId === props.ownLocationId ? t.yourLocation : ''}
              </td>
              <td class="utrecht-table__cell" data-qa="preference-status">
                {t.preferenceStatuses[p.status]}
              </td>
              <td class="utrecht-table__cell">{formatShortDate(props.lang, p.statusChangedAt)}</td>
              {props.showNextStep && <td class="utrecht-table__cell ko-wrap">{t.nextSteps[p.status]}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
