// Small inline SVG charts, drawn at build time: no charting library to ship,
// nothing to run in the browser, and a text alternative beside every chart.
import { type Html, html } from './html.js';
import type { Trend, TrendPoint } from './trends.js';

const WIDTH = 600;
const HEIGHT = 100;
const PAD = 4;
/** Past this many points a series is reduced to the lowest and highest point per bucket. */
const MAX_POINTS = 1200;
const FEW_POINTS = 60;

/** Keeps each bucket's extremes, so a spike or a drop survives the reduction. */
function reduce(points: readonly TrendPoint[]): Array<{ index: number; point: TrendPoint }> {
  const indexed = points.map((point, index) => ({ index, point }));
  if (points.length <= MAX_POINTS) return indexed;
  const size = Math.ceil(points.length / (MAX_POINTS / 2));
  const out: Array<{ index: number; point: TrendPoint }> = [];
  for (let start = 0; start < indexed.length; start += size) {
    const bucket = indexed.slice(start, start + size);
    let low = bucket[0]!;
    let high = bucket[0]!;
    for (const item of bucket) {
      if (item.point.value < low.point.value) low = item;
      if (item.point.value > high.point.value) high = item;
    }
    out.push(...(low.index <= high.index ? [low, high] : [high, low]).filter((v, i, a) => a.indexOf(v) === i));
  }
  return out;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A line over the partitions with the outliers marked; `title` and `desc` describe it to screen readers. */
export function sparkline(trend: Trend): Html {
  const values = trend.points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const last = Math.max(trend.points.length - 1, 1);
  const x = (i: number) => (PAD + ((WIDTH - 2 * PAD) * i) / last).toFixed(1);
  const y = (v: number) => (HEIGHT - PAD - ((HEIGHT - 2 * PAD) * (v - min)) / span).toFixed(1);
  const line = reduce(trend.points)
    .map(({ index, point }) => `${x(index)},${y(point.value)}`)
    .join(' ');
  const outlierIndex = new Set(trend.outliers.map((o) => o.partition));
  const marks = trend.points
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => outlierIndex.has(point.partition))
    .slice(0, 200)
    .map(
      ({ point, index }) =>
        html`<circle class="outlier" cx="${x(index)}" cy="${y(point.value)}" r="4"><title>${point.partition}: ${formatNumber(point.value)}</title></circle>`,
    );
  // A short series gets a dot per partition, so three days read as three points, not a slope.
  const dots =
    trend.points.length <= FEW_POINTS
      ? trend.points.map(
          (point, index) =>
            html`<circle class="point" cx="${x(index)}" cy="${y(point.value)}" r="3"><title>${point.partition}: ${formatNumber(point.value)}</title></circle>`,
        )
      : [];
  const summary = `${trend.metric}: ${trendSummary(trend)}`;
  return html`<svg class="spark" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${summary}"><title>${summary}</title><polyline points="${line}"/>${dots}${marks}</svg>`;
}

/** The chart in words: its range of partitions and values. */
export function trendSummary(trend: Trend): string {
  const values = trend.points.map((p) => p.value);
  const first = trend.points[0];
  const final = trend.points.at(-1);
  const range = first && final ? ` from ${first.partition} to ${final.partition}` : '';
  return `${trend.points.length} partitions${range}, lowest ${formatNumber(Math.min(...values))}, median ${formatNumber(trend.median)}, highest ${formatNumber(Math.max(...values))}`;
}

/** One row of counts as shaded cells with the number written in each (weekday or hour patterns). */
export function heatRow(caption: string, labels: readonly string[], counts: readonly number[]): Html {
  const top = Math.max(...counts, 1);
  return html`<table class="heat"><caption>${caption}</caption><thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead><tbody><tr>${counts.map(
    (c) => html`<td class="h${c === 0 ? 0 : Math.ceil((4 * c) / top)}">${c}</td>`,
  )}</tr></tbody></table>`;
}
