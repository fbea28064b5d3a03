import type { ComponentChildren } from 'preact';
import { type Language, locale } from '../../platform/i18n/index.ts';

/**
 * Small charts drawn on the server as SVG (no script): a bar chart and a line chart of a monthly
 * trend or a few categories. Each is an image with a name (<title>) and a description (<desc>)
 * that says what it shows and how many values are missing; the table next to it gives every value.
 * A value not shown (a suppressed count) is a gap, marked with its label ("< 5", "×") on the axis.
 * Colours have at least 3:1 contrast against the white background (WCAG 1.4.11), text 4.5:1.
 */
export type ChartSeries = { name: string; values: (number | null)[]; gaps: (string | null)[] };
export type ChartProps = {
  id: string;
  lang: Language;
  title: string;
  description: string;
  labels: string[];
  series: ChartSeries[];
  unit?: 'count' | 'percent' | 'decimal';
};

const COLOURS = ['#1d5fa5', '#a34700', '#2b6e2f'];
const TEXT = '#1b1b1b';
const GRID = '#767676';
const W = 480;
const H = 260;
const M = { top: 16, right: 12, bottom: 64, left: 44 };

/** The axis: a round step (1, 2 or 5 times a power of ten; whole for counts), at most five steps up to the maximum. */
function axis(max: number, unit: ChartProps['unit']): { max: number; ticks: number[] } {
  const top = max > 0 ? max : 1;
  let step = 10 ** Math.floor(Math.log10(top / 5));
  for (const m of [1, 2, 5, 10]) {
    if (m * step * 5 >= top) {
      step *= m;
      break;
    }
  }
  if (unit !== 'percent' && unit !== 'decimal') step = Math.max(1, Math.round(step));
  const n = Math.max(1, Math.ceil(top / step));
  return { max: n * step, ticks: Array.from({ length: n + 1 }, (_, i) => i * step) };
}

function format(lang: Language, value: number, unit: ChartProps['unit']): string {
  return new Intl.NumberFormat(locale(lang), {
    ...(unit === 'percent' ? { style: 'percent' } : {}),
    maximumFractionDigits: unit === 'decimal' ? 1 : 0,
  }).format(value);
}

function Frame(props: ChartProps & { children: ComponentChildren; max: number; ticks: number[] }) {
  const { id, lang, unit, max, ticks } = props;
  const innerH = H - M.top - M.bottom;
  return (
    <figure class="ko-chart" data-qa={id}>
      <figcaption class="ko-chart__caption" aria-hidden="true">
        {props.title}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        class="ko-chart__svg"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {ticks.map((v) => {
          const y = M.top + innerH - (v / max) * innerH;
          return (
            <g key={v}>
              <line
                x1={M.left}
                x2={W - M.right}
                y1={y}
                y2={y}
                stroke={GRID}
                stroke-width={v === 0 ? 1 : 0.5}
              />
              <text x={M.left - 4} y={y + 4} text-anchor="end" font-size="11" fill={TEXT}>
                {format(lang, v, unit)}
              </text>
            </g>
          );
        })}
        {props.children}
      </svg>
      {props.series.length > 1 && (
        <ul class="ko-chart__legend">
          {props.series.map((s, i) => (
            <li key={s.name}>
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" fill={COLOURS[i % COLOURS.length]} />
              </svg>{' '}
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

function XLabels(props: { labels: string[]; slot: number; gaps: (string | null)[] }) {
  const base = H - M.bottom;
  return (
    <>
      {props.labels.map((label, i) => {
        const x = M.left + props.slot * (i + 0.5);
        const gap = props.gaps[i];
        return (
          <g key={label}>
            {gap && (
              <text x={x} y={base - 4} text-anchor="middle" font-size="11" fill={TEXT}>
                {gap}
              </text>
            )}
            <text
              x={x}
              y={base + 14}
              text-anchor="end"
              font-size="11"
              fill={TEXT}
              transform={`rotate(-40 ${x} ${base + 14})`}
            >
              {label}
            </text>
          </g>
        );
      })}
    </>
  );
}

/** The first gap label per position over all series (what is drawn on the axis where a value is missing). */
const gapsAt = (series: ChartSeries[], n: number) =>
  Array.from({ length: n }, (_, i) => series.find((s) => s.values[i] === null && s.gaps[i])?.gaps[i] ?? null);

const axisOf = (props: ChartProps) =>
  axis(
    Math.max(0, ...props.series.flatMap((s) => s.values.filter((v): v is number => v !== null))),
    props.unit,
  );

export function BarChart(props: ChartProps) {
  const { max, ticks } = axisOf(props);
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const slot = innerW / Math.max(1, props.labels.length);
  const barW = (slot * 0.8) / Math.max(1, props.series.length);
  return (
    <Frame {...props} max={max} ticks={ticks}>
      {props.series.map((s, si) =>
        s.values.map((v, i) => {
          if (v === null) return null;
          const h = (v / max) * innerH;
          const x = M.left + slot * i + slot * 0.1 + barW * si;
          return (
            <rect
              key={`${s.name}-${props.labels[i]}`}
              x={x}
              y={M.top + innerH - h}
              width={barW}
              height={h}
              fill={COLOURS[si % COLOURS.length]}
            />
          );
        }),
      )}
      <XLabels labels={props.labels} slot={slot} gaps={gapsAt(props.series, props.labels.length)} />
    </Frame>
  );
}

export function LineChart(props: ChartProps) {
  const { max, ticks } = axisOf(props);
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const slot = innerW / Math.max(1, props.labels.length);
  const point = (v: number, i: number) =>
    [M.left + slot * (i + 0.5), M.top + innerH - (v / max) * innerH] as const;
  return (
    <Frame {...props} max={max} ticks={ticks}>
      {props.series.map((s, si) => {
        // A missing value breaks the line: one path segment per run of shown values.
        const segments: string[] = [];
        let current = '';
        s.values.forEach((v, i) => {
          if (v === null) {
            if (current) segments.push(current);
            current = '';
            return;
          }
          const [x, y] = point(v, i);
          current += `${current ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
        });
        if (current) segments.push(current);
        const colour = COLOURS[si % COLOURS.length];
        return (
          <g key={s.name}>
            {segments.map((d) => (
              <path key={d} d={d} fill="none" stroke={colour} stroke-width="2.5" />
            ))}
            {s.values.map((v, i) => {
              if (v === null) return null;
              const [x, y] = point(v, i);
              return <circle key={props.labels[i]} cx={x} cy={y} r="3.5" fill={colour} />;
            })}
          </g>
        );
      })}
      <XLabels labels={props.labels} slot={slot} gaps={gapsAt(props.series, props.labels.length)} />
    </Frame>
  );
}
