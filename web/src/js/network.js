// Who acts on whom: the dyads of /api/aggregates?group_by=dyad drawn as a
// directed graph in SVG. Nodes (actors) sit on a circle, ordered so each
// actor's partners are near it (by country code, then sector); line width
// grows with the events between two actors. A circle rather than a force
// layout: it is stable between reloads and never overlaps labels.
import {h, svg} from './dom.js';

const SIZE = 640;
const MAX_DYADS = 80;

// /api/aggregates?group_by=dyad -> [{from, to, events}], pairs with both
// sides known. Takes the answer either with one "dyad" column
// ("MLI MIL->MLI CVL") or with it split into "actor" and "recipient".
export function dyadRows(columns, rows) {
  const iDyad = columns.indexOf('dyad');
  const iActor = columns.indexOf('actor');
  const iRecipient = columns.indexOf('recipient');
  const iEvents = columns.indexOf('events');
  const out = [];
  for (const row of rows) {
    const [from, to] = iDyad >= 0
      ? String(row[iDyad]).split('->').map(s => s.trim())
      : [String(row[iActor] ?? '').trim(), String(row[iRecipient] ?? '').trim()];
    if (from && to) out.push({from, to, events: row[iEvents]});
  }
  return out;
}

export function buildGraph(columns, rows) {
  const nodes = new Map();
  const edges = dyadRows(columns, rows).slice(0, MAX_DYADS);
  for (const {from, to, events} of edges) {
    for (const [key, out] of [[from, true], [to, false]]) {
      const node = nodes.get(key) || {key, out: 0, in: 0};
      node[out ? 'out' : 'in'] += events;
      nodes.set(key, node);
    }
  }
  return {nodes: [...nodes.values()].sort((a, b) => a.key.localeCompare(b.key)), edges};
}

export function renderNetwork(container, columns, rows, {onDyad, onActor}) {
  const {nodes, edges} = buildGraph(columns, rows);
  if (!edges.length) {
    container.replaceChildren(h('p', {class: 'muted empty'}, 'No actor→recipient pairs for these filters.'));
    return;
  }
  const centre = SIZE / 2;
  const radius = SIZE / 2 - 110;
  const at = new Map();
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    at.set(n.key, {x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), angle});
  });
  const maxEvents = Math.max(...edges.map(e => e.events));
  const maxNode = Math.max(...nodes.map(n => n.in + n.out));
  const nodeRadius = n => 4 + 10 * Math.sqrt((n.in + n.out) / maxNode);
  const radiusOf = new Map(nodes.map(n => [n.key, nodeRadius(n)]));
  const lines = edges.map(e => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    const width = 1 + 5 * Math.sqrt(e.events / maxEvents);
    const title = svg('title', {}, `${e.from} → ${e.to}: ${e.events} events`);
    if (e.from === e.to) {  // an actor acting on itself: a small loop outside the circle
      const ox = a.x + 28 * Math.cos(a.angle);
      const oy = a.y + 28 * Math.sin(a.angle);
      return svg('circle', {cx: ox, cy: oy, r: 14, class: 'edge', 'stroke-width': width, fill: 'none'}, title);
    }
    // Curved so that A->B and B->A do not overlap; the line stops at the
    // recipient's rim so the arrow head stays visible.
    const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.15;
    const my = (a.y + b.y) / 2 - (b.x - a.x) * 0.15;
    const dx = b.x - mx;
    const dy = b.y - my;
    const length = Math.hypot(dx, dy) || 1;
    const gap = radiusOf.get(e.to) + 2;
    const ex = b.x - (dx / length) * gap;
    const ey = b.y - (dy / length) * gap;
    const path = svg('path', {d: `M${a.x},${a.y} Q${mx},${my} ${ex},${ey}`, class: 'edge',
      'stroke-width': width, 'marker-end': 'url(#arrow)', fill: 'none',
      'data-dyad': `${e.from}->${e.to}`}, title);
    path.addEventListener('click', () => onDyad(`${e.from}->${e.to}`));
    return path;
  });
  const circles = nodes.map(n => {
    const p = at.get(n.key);
    const r = radiusOf.get(n.key);
    const right = Math.cos(p.angle) >= 0;
    const lx = p.x + (r + 6) * Math.cos(p.angle);
    const ly = p.y + (r + 6) * Math.sin(p.angle);
    const g = svg('g', {class: 'node', 'data-actor': n.key},
      svg('circle', {cx: p.x, cy: p.y, r}),
      svg('text', {x: lx, y: ly, 'text-anchor': right ? 'start' : 'end', 'dominant-baseline': 'middle'}, n.key),
      svg('title', {}, `${n.key}: acts in ${n.out} events, receives ${n.in}`));
    g.addEventListener('click', () => onActor(n.key));
    return g;
  });
  container.replaceChildren(svg('svg', {viewBox: `0 0 ${SIZE} ${SIZE}`, class: 'network', role: 'img',
    'aria-label': `${nodes.length} actors, ${edges.length} actor-recipient pairs`},
  svg('defs', {}, svg('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5,
    markerUnits: 'userSpaceOnUse', markerWidth: 9, markerHeight: 9, orient: 'auto-start-reverse'}, svg('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrow'}))),
  svg('g', {}, lines), svg('g', {}, circles)),
  h('p', {class: 'muted'}, 'Click an actor to filter on it, a line to filter on that pair.'));
}
