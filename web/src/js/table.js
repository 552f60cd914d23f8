// The event list: /api/events with the current filters, a page at a time,
// newest first. Clicking a row (or Enter on it) opens the event's detail.
import {h, actorLabel} from './dom.js';

export const PAGE_SIZE = 50;

export class EventTable {
  constructor({body, count, info, prev, next}, {onOpen, onPage}) {
    this.body = body;
    this.count = count;
    this.info = info;
    this.prev = prev;
    this.next = next;
    this.onOpen = onOpen;
    prev.addEventListener('click', () => onPage(-1));
    next.addEventListener('click', () => onPage(1));
  }

  // answer: {limit, offset, more, events}
  show(answer, selectedId) {
    const rows = answer.events.map(e => {
      const row = h('tr', {
        tabindex: 0, 'data-event-id': e.event_id, class: `quad-row-${e.quad}`,
        'aria-selected': e.event_id === selectedId ? 'true' : null,
        onclick: () => this.onOpen(e.event_id),
        onkeydown: ev => { if (ev.key === 'Enter') this.onOpen(e.event_id); },
      },
      h('td', {class: 'nowrap'}, e.day || '?'),
      h('td', {}, h('span', {class: `type-tag quad-${e.quad}`}, e.type)),
      h('td', {}, actorLabel(e.actor)),
      h('td', {}, actorLabel(e.recipient)),
      h('td', {}, [e.place, e.country].filter(Boolean).join(', ')),
      h('td', {class: 'num'}, e.mentions ?? ''),
      h('td', {class: 'sentence-cell', title: e.title || ''}, e.sentence || ''));
      return row;
    });
    if (!rows.length) {
      rows.push(h('tr', {}, h('td', {colspan: 7, class: 'muted empty'}, 'No events match these filters.')));
    }
    this.body.replaceChildren(...rows);
    const first = answer.events.length ? answer.offset + 1 : 0;
    const last = answer.offset + answer.events.length;
    this.info.textContent = `${first}–${last}${answer.more ? '' : ` of ${last}`}`;
    this.count.textContent = answer.more ? `(more than ${last})` : `(${last})`;
    this.prev.disabled = answer.offset === 0;
    this.next.disabled = !answer.more;
  }

  select(eventId) {
    for (const row of this.body.querySelectorAll('tr[data-event-id]')) {
      if (row.dataset.eventId === eventId) row.setAttribute('aria-selected', 'true');
      else row.removeAttribute('aria-selected');
    }
  }
}
