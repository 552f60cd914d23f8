// Events by type over time (uPlot), from /api/aggregates grouped by a
// period and type. Dragging across the chart picks a date range, which the
// page turns into the from/to filters.
import {h} from './dom.js';

export const TYPE_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b',
  '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
const MAX_SERIES = 8;  // more lines than this are unreadable; the rest sum to "other"

const DAY = 86400;

// "2025-03-10" or "2025-03" (month) -> seconds since the epoch, UTC.
export function periodToSeconds(period) {
  const [y, m, d] = String(period).split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 1000;
}

export function secondsToDay(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

// The period to group by so the chart keeps a readable number of points.
export function periodFor(firstDay, lastDay) {
  if (!firstDay || !lastDay) return 'day';
  const days = (periodToSeconds(lastDay) - periodToSeconds(firstDay)) / DAY;
  if (days > 3 * 365) return 'month';
  return days > 180 ? 'week' : 'day';
}

function step(period) {
  return period === 'week' ? 7 * DAY : DAY;
}

// columns [period, "type", "events", ...], rows -> uPlot's column data.
export function toSeries(columns, rows, period) {
  const iPeriod = columns.indexOf(period);
  const iType = columns.indexOf('type');
  const iEvents = columns.indexOf('events');
  const totals = new Map();
  const cells = new Map();  // "period|type" -> events
  const stamps = new Set();
  for (const row of rows) {
    if (!row[iPeriod]) continue;  // events without a day
    const t = periodToSeconds(row[iPeriod]);
    stamps.add(t);
    totals.set(row[iType], (totals.get(row[iType]) || 0) + row[iEvents]);
    cells.set(`${t}|${row[iType]}`, (cells.get(`${t}|${row[iType]}`) || 0) + row[iEvents]);
  }
  if (!stamps.size) return null;
  // Every period from first to last, so quiet days show as zero.
  const sorted = [...stamps].sort((a, b) => a - b);
  const xs = [];
  if (period === 'month') {
    for (const t of sorted) xs.push(t);
  } else {
    for (let t = sorted[0]; t <= sorted[sorted.length - 1]; t += step(period)) xs.push(t);
  }
  const types = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(e => e[0]);
  const shown = types.slice(0, MAX_SERIES);
  const rest = types.slice(MAX_SERIES);
  const series = shown.map(type => ({label: type, values: xs.map(t => cells.get(`${t}|${type}`) || 0)}));
  if (rest.length) {
    series.push({label: 'other', values: xs.map(t => rest.reduce((n, type) => n + (cells.get(`${t}|${type}`) || 0), 0))});
  }
  return {xs, series};
}

export class Timeline {
  // onRange(from, to): days picked by dragging.
  constructor(container, {onRange, height = 180}) {
    this.container = container;
    this.onRange = onRange;
    this.height = height;
    this.plot = null;
  }

  render(columns, rows, period) {
    if (this.plot) { this.plot.destroy(); this.plot = null; }
    this.container.replaceChildren();
    const data = toSeries(columns, rows, period);
    if (!data) {
      this.container.appendChild(h('p', {class: 'muted empty'}, 'No dated events for these filters.'));
      return;
    }
    const stepSeconds = period === 'month' ? 31 * DAY : step(period);
    const opts = {
      width: Math.max(300, this.container.clientWidth || 600),
      height: this.height,
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: {x: {time: true, range: (u, min, max) => [min - stepSeconds / 2, max + stepSeconds / 2]}},
      axes: [{}, {label: `events per ${period}`, size: 50}],
      cursor: {drag: {x: true, y: false, setScale: false}},
      legend: {live: true},
      series: [{label: period}, ...data.series.map((s, i) => ({
        // uPlot may write labels as HTML: keep only what a type name needs.
        label: String(s.label).replace(/[^\w .,:()\->]/g, ''), stroke: TYPE_COLORS[i % TYPE_COLORS.length], width: 1.5,
        points: {show: data.xs.length < 60},
      }))],
      hooks: {setSelect: [u => this.selected(u)]},
    };
    this.plot = new uPlot(opts, [data.xs, ...data.series.map(s => s.values)], this.container);
    this.period = period;
  }

  selected(u) {
    if (!u.select || u.select.width < 3) return;
    const from = u.posToVal(u.select.left, 'x');
    const to = u.posToVal(u.select.left + u.select.width, 'x');
    u.setSelect({left: 0, width: 0, top: 0, height: 0}, false);
    // A week bucket is stamped with its Monday: it runs six days further.
    const tail = this.period === 'week' ? 6 * DAY : 0;
    this.onRange(secondsToDay(Math.max(0, from)), secondsToDay(to + tail));
  }

  resize() {
    if (this.plot) this.plot.setSize({width: Math.max(300, this.container.clientWidth), height: this.height});
  }
}
