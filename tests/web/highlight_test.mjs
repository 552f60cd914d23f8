// Unit test of the dashboard's sentence highlighting (web/src/js/highlight.js):
// the stored span offsets count code points, so a sentence with accents or
// characters outside the BMP must still mark the right words.
//   node tests/web/highlight_test.mjs
import assert from 'node:assert/strict';
import {segments} from '../../web/src/js/highlight.js';

const cases = [
  {
    what: 'actor, trigger and recipient from the stored spans',
    sentence: "Mali's military authorities arrested at least 14 army officers on Monday.",
    spans: {trigger: [28, 36], actor: [[0, 27]], recipient: [[49, 62]]},
    detail: {},
    marked: {actor: "Mali's military authorities", trigger: 'arrested', recipient: 'army officers'},
  },
  {
    what: 'offsets in code points: an emoji before the words counts as one',
    sentence: '😀 Soldats à Ségou ont attaqué le camp.',
    spans: {trigger: [22, 29], actor: [[2, 9]], recipient: [null]},
    detail: {location: {name: 'Ségou'}},
    marked: {actor: 'Soldats', trigger: 'attaqué', place: 'Ségou'},
  },
  {
    what: 'counts and place found by their words; the trigger wins an overlap',
    sentence: 'Gunmen killed 12 villagers near Gao, officials said.',
    spans: {trigger: [7, 13], actor: [[0, 13]], recipient: [[17, 26]]},
    detail: {location: {name: 'Gao'}, counts: {killed: [12, null]}},
    marked: {actor: 'Gunmen ', trigger: 'killed', count: '12', recipient: 'villagers', place: 'Gao'},
  },
  {
    what: 'spans past the end are clipped, not thrown',
    sentence: 'Talks resumed.',
    spans: {trigger: [6, 99], actor: []},
    detail: {},
    marked: {trigger: 'resumed.'},
  },
];

let failed = 0;
for (const c of cases) {
  try {
    const {segments: parts} = segments(c.sentence, c.spans, c.detail);
    assert.equal(parts.map(p => p.text).join(''), c.sentence, 'the runs rebuild the sentence');
    const got = {};
    for (const p of parts) if (p.role) got[p.role] = got[p.role] ? `${got[p.role]}|${p.text}` : p.text;
    assert.deepEqual(got, c.marked);
    console.log(`ok   ${c.what}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${c.what}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
