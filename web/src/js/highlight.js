// Splits an event's sentence into runs tagged with the role each word plays
// (actor, recipient, trigger, place, count), from the `spans` the coder
// stored. Offsets count Unicode code points (griot's event JSON), not the
// UTF-16 units JavaScript strings index by, so the sentence is walked with
// Array.from.
//
//   segments('Troops attacked Gao', {trigger: [7, 15], actor: [[0, 6]]})
//   -> [{text: 'Troops', role: 'actor'}, {text: ' ', role: ''},
//       {text: 'attacked', role: 'trigger'}, {text: ' Gao', role: ''}]

// Later roles win where spans overlap: the trigger is the word the pattern
// fired on, the most useful thing to see.
export const ROLES = ['count', 'place', 'recipient', 'actor', 'trigger'];

const SPAN_KEYS = {
  trigger: 'trigger', actor: 'actor', actors: 'actor', recipient: 'recipient',
  recipients: 'recipient', location: 'place', place: 'place', counts: 'count', count: 'count',
};

// [a, b] or [[a, b], null, ...] or {"name": [a, b]} -> [[a, b], ...]
function ranges(value) {
  if (!value) return [];
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(ranges);
  if (typeof value === 'object') return Object.values(value).flatMap(ranges);
  return [];
}

function codePointIndex(sentence, utf16Index) {
  return Array.from(sentence.slice(0, utf16Index)).length;
}

// Everywhere `needle` stands as whole words in the sentence, in code points.
function findWords(sentence, needle) {
  if (!needle) return [];
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${escaped})(?![\\p{L}\\p{N}])`, 'giu');
  return [...sentence.matchAll(pattern)].map(match => {
    const start = match.index + match[1].length;
    return [codePointIndex(sentence, start), codePointIndex(sentence, start + match[2].length)];
  });
}

// detail: the /api/events/{id} answer (sentence, spans, location, counts).
export function segments(sentence, spans, detail = {}) {
  const chars = Array.from(sentence || '');
  const roleAt = new Array(chars.length).fill('');
  const byRole = {};
  for (const [key, value] of Object.entries(spans || {})) {
    const role = SPAN_KEYS[key];
    if (role) (byRole[role] = byRole[role] || []).push(...ranges(value));
  }
  // The stored spans cover actor, recipient and trigger; the place and the
  // counts are found by their words when the store has no span for them.
  if (!byRole.place && detail.location && detail.location.name) {
    byRole.place = findWords(sentence, detail.location.name);
  }
  if (!byRole.count && detail.counts && typeof detail.counts === 'object') {
    // counts: {"arrested": [14, null]} (low and high estimates).
    byRole.count = Object.values(detail.counts)
      .flatMap(v => (Array.isArray(v) ? v : [v]))
      .filter(n => typeof n === 'number')
      .flatMap(n => findWords(sentence, String(n)));
  }
  for (const role of ROLES) {
    for (const [begin, end] of byRole[role] || []) {
      const b = Math.max(0, Math.min(chars.length, begin));
      const e = Math.max(b, Math.min(chars.length, end));
      for (let i = b; i < e; ++i) roleAt[i] = role;
    }
  }
  const marked = new Set(roleAt);
  const out = [];
  for (let i = 0; i < chars.length; ++i) {
    const last = out[out.length - 1];
    if (last && last.role === roleAt[i]) last.text += chars[i];
    else out.push({text: chars[i], role: roleAt[i]});
  }
  return {segments: out, roles: ROLES.filter(r => marked.has(r))};
}
