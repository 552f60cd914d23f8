// One event in full (/api/events/{id}): its sentence with the actor,
// recipient, trigger, place and counts marked, the pattern that fired,
// the article it came from and the other reports of the same event.
import {h, actorLabel, plural} from './dom.js';
import {segments} from './highlight.js';

const ROLE_NAMES = {actor: 'actor', recipient: 'recipient', trigger: 'trigger', place: 'place', count: 'count'};

// Only http(s) links: a stored url is outside data and could be "javascript:".
function safeUrl(url) {
  return /^https?:\/\//i.test(url || '') ? url : null;
}

function field(name, value) {
  if (value === undefined || value === null || value === '' ||
      (Array.isArray(value) && !value.length)) return null;
  return [h('dt', {}, name), h('dd', {}, Array.isArray(value) ? value.join(', ') : String(value))];
}

export function renderSentence(e) {
  const {segments: parts, roles} = segments(e.sentence || '', e.spans || {}, e);
  const sentence = h('p', {class: 'sentence', 'data-event-id': e.event_id},
    parts.map(p => (p.role ? h('mark', {class: `role-${p.role}`, title: ROLE_NAMES[p.role]}, p.text) : p.text)));
  const legend = h('p', {class: 'legend role-legend'},
    roles.map(r => h('mark', {class: `role-${r}`}, ROLE_NAMES[r])));
  return [sentence, legend];
}

export function renderDetail(container, e, {onActor}) {
  const url = safeUrl(e.url);
  const title = e.title || e.doc_id;
  const loc = e.location || {};
  const actorButtons = list => (list || []).map(a => {
    const key = [a.code, a.sector].filter(Boolean).join(' ');
    return key ? h('button', {type: 'button', class: 'link', title: `filter on ${key}`,
      onclick: () => onActor(key)}, actorLabel(a)) : h('span', {}, a.text || '');
  }).flatMap((node, i) => (i ? [', ', node] : [node]));
  container.replaceChildren(
    h('h2', {}, h('span', {class: `type-tag quad-${e.quad}`}, e.type), ` ${e.mode || ''} `,
      h('span', {class: 'muted'}, e.day || '')),
    ...renderSentence(e),
    h('dl', {class: 'facts'},
      h('dt', {}, 'Actor'), h('dd', {}, actorButtons(e.actors || (e.actor ? [e.actor] : []))),
      h('dt', {}, 'Recipient'), h('dd', {}, actorButtons(e.recipients || (e.recipient ? [e.recipient] : []))),
      field('Place', [loc.name || e.place, loc.admin1 || e.admin1, loc.country || e.country].filter(Boolean).join(', ')),
      field('Place found by', loc.reason ? `${loc.precision || ''}: ${loc.reason}` : ''),
      field('Date', e.event_date ? `${e.event_date} (${e.date_granularity || '?'}; reported ${e.report_date || '?'})` : e.day),
      field('Counts', e.counts && Object.keys(e.counts).length
        ? Object.entries(e.counts).map(([k, v]) => `${k}: ${(Array.isArray(v) ? v : [v]).filter(n => n !== null).join('–')}`) : ''),
      field('Context', e.context),
      field('Pattern', e.pattern),
      field('CAMEO / score', [e.cameo, e.score].filter(v => v !== undefined && v !== null && v !== '').join(' / ')),
      field('Confidence', e.confidence),
      field('Aux', e.aux),
      field('Reports', e.articles !== undefined ? `${plural(e.articles, 'article')}, ${plural(e.sources || 0, 'source')}` +
        (e.first_reported ? ` (${e.first_reported} – ${e.last_reported})` : '') : e.mentions),
      h('dt', {}, 'Article'),
      h('dd', {}, url ? h('a', {href: url, target: '_blank', rel: 'noopener noreferrer'}, title) : title,
        e.source ? h('span', {class: 'muted'}, ` — ${e.source}`) : null),
      field('Event id', e.event_id)),
    h('h3', {}, `Other reports (${(e.other_mentions || []).length})`),
    (e.other_mentions || []).length
      ? h('ul', {class: 'mentions'}, e.other_mentions.map(m => {
        const link = safeUrl(m.url);
        return h('li', {},
          h('span', {class: 'muted'}, `${m.day || ''} `),
          link ? h('a', {href: link, target: '_blank', rel: 'noopener noreferrer'}, m.title || m.doc_id) : (m.title || m.doc_id),
          m.source ? h('span', {class: 'muted'}, ` — ${m.source}`) : null,
          h('br'), h('q', {}, m.sentence || ''));
      }))
      : h('p', {class: 'muted'}, 'No other report of this event.'));
}
