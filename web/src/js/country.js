// A country's page (#country=MLI): its events by type over time, the
// actors and dyads most active there, and the alerts griot raises for it.
// The other filters (type, dates, text...) still apply.
import {getJson} from './api.js';
import {h} from './dom.js';
import {Timeline, periodFor} from './timeline.js';
import {dyadRows} from './network.js';

function table(headers, rows, numeric) {
  return h('table', {class: 'compact'},
    h('thead', {}, h('tr', {}, headers.map((name, i) => h('th', {class: numeric[i] ? 'num' : null}, name)))),
    h('tbody', {}, rows.length
      ? rows.map(r => h('tr', {}, r.map((cell, i) => h('td', {class: numeric[i] ? 'num' : null}, cell))))
      : h('tr', {}, h('td', {colspan: headers.length, class: 'muted'}, 'none'))));
}

export function countryIndex(container, meta) {
  container.replaceChildren(h('div', {class: 'panel'},
    h('h2', {}, 'Countries'),
    h('p', {class: 'muted'}, 'Pick a country (or click one on the map).'),
    h('ul', {class: 'country-list'}, (meta.countries || []).map(c =>
      h('li', {}, h('a', {href: `#country=${encodeURIComponent(c.code)}`}, c.code), ` ${c.events}`)))));
}

// filters: the page's filters; code: ISO-3. onActor(key) filters on an actor.
export async function renderCountry(container, code, filters, meta, {onActor, onRange}) {
  const scoped = {...filters, country: code};
  const first = filters.from || meta.first_day;
  const last = filters.to || meta.last_day;
  const period = periodFor(first, last) === 'day' ? 'day' : 'week';
  const [trend, actors, dyads, alerts] = await Promise.all([
    getJson('/api/aggregates', {...scoped, group_by: `${period},type`, limit: 100000}),
    getJson('/api/actors', {...scoped, limit: 15}),
    getJson('/api/aggregates', {...scoped, group_by: 'dyad', limit: 200}),
    // Alerts are extra: the page stands without them.
    getJson('/api/alerts', {country: code, period: 'week'})
      .catch(e => ({alerts: [], problem: `${e.status ? `${e.status}: ` : ''}${e.message}`})),
  ]);
  const chart = h('div', {class: 'country-trend'});
  const events = trend.rows.reduce((n, r) => n + r[trend.columns.indexOf('events')], 0);
  const actorButton = key => h('button', {type: 'button', class: 'link', onclick: () => onActor(key)}, key);
  container.replaceChildren(
    h('div', {class: 'panel'},
      h('h2', {}, `${code}: ${events} events`, h('span', {class: 'muted'}, ` by type, per ${period}`)),
      chart),
    h('div', {class: 'country-grid'},
      h('div', {class: 'panel'}, h('h3', {}, 'Top actors'),
        table(['Actor', 'Name', 'As actor', 'As recipient', 'Events'],
          actors.actors.map(a => [actorButton(a.key), a.name || '', a.as_actor, a.as_recipient, a.events]),
          [false, false, true, true, true])),
      h('div', {class: 'panel'}, h('h3', {}, 'Top dyads'),
        table(['Actor → recipient', 'Events'],
          dyadRows(dyads.columns, dyads.rows).slice(0, 15).map(d => [`${d.from} → ${d.to}`, d.events]),
          [false, true])),
      h('div', {class: 'panel'}, h('h3', {}, 'Alerts (weekly)'),
        alerts.problem ? h('p', {class: 'error-inline'}, `Alerts unavailable: ${alerts.problem}`) : null,
        table(['Period', 'Scope', 'Type', 'Observed', 'Expected', 'Ratio', 'p'],
          alerts.alerts.map(a => [a.period, a.admin1 || a.scope || a.country, a.type, a.observed,
            Number(a.expected).toFixed(1), Number(a.ratio).toFixed(1),
            a.p_value === undefined || a.p_value === null ? '' : Number(a.p_value).toPrecision(2)]),
          [false, false, false, true, true, true, true]))));
  const timeline = new Timeline(chart, {onRange, height: 220});
  timeline.render(trend.columns, trend.rows, period);
  return timeline;
}
