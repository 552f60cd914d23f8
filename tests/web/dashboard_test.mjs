// Browser test of the web dashboard against the real griot: codes the
// sample corpus into a temporary SQLite store (griot code), starts
// `griot serve` on it, and drives Debian's headless Chromium through
// playwright-core at 1280x800 to check what a user sees: markers on the
// map, a filter narrowing both the table and the markers, an event's
// sentence with its words highlighted, the filter kept in the URL across a
// reload and undone by Back, the other views, and the server's error shown.
//
//   node tests/web/dashboard_test.mjs <griot binary> <build dir>
// Exit 0: passed, 1: failed, 77: skipped (no playwright-core, Chromium or
// griot serve; with CI set these fail instead).
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, '..', '..');
const [griot, buildDir] = process.argv.slice(2);
if (!griot || !buildDir) {
  console.error('usage: dashboard_test.mjs <griot binary> <build dir>');
  process.exit(2);
}
const webDir = path.join(buildDir, 'web');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const playwrightEntry = path.join(sourceDir, 'web', 'node_modules', 'playwright-core', 'index.mjs');

function skip(reason) {
  if (process.env.CI) {
    console.error(`web_dashboard: FAIL: ${reason} (CI is set, so this does not skip)`);
    process.exit(1);
  }
  console.log(`web_dashboard: SKIP: ${reason}`);
  process.exit(77);
}

if (!fs.existsSync(playwrightEntry)) skip(`${playwrightEntry} is missing; run scripts/fetch-web-deps.sh`);
if (!fs.existsSync(chromiumPath)) skip(`${chromiumPath} is missing; apt-get install chromium`);
if (!fs.existsSync(path.join(webDir, 'vendor', 'leaflet', 'leaflet.js'))) {
  skip(`${webDir} has no vendor libraries; run scripts/fetch-web-deps.sh and build the web target`);
}
if (!fs.existsSync(griot)) {
  console.error(`web_dashboard: ${griot} is missing; build it first`);
  process.exit(1);
}
// `griot serve --help` would print the main help and succeed on a griot
// without serve: look for the subcommand in the list instead.
if (!/^\s+serve\s/m.test(spawnSync(griot, ['--help'], {encoding: 'utf8'}).stdout || '')) {
  skip(`${griot} has no serve subcommand`);
}
const {chromium} = await import(pathToFileURL(playwrightEntry).href);

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
  return ok;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// --- a store coded from the sample corpus --------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'griot-web-test-'));
const db = path.join(tmp, 'sample.db');
const coded = spawnSync(griot, ['code', '-q', '--db', db, path.join(sourceDir, 'samples', 'sahel-sample.jsonl')],
  {encoding: 'utf8'});
if (coded.status === null || coded.status >= 2 || !fs.existsSync(db)) {
  console.error(`web_dashboard: griot code failed (${coded.status}): ${coded.stderr}`);
  process.exit(1);
}

// --- the server -----------------------------------------------------------
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(griot, ['serve', '--db', db, '--port', String(port), '--web', webDir],
  {stdio: ['ignore', 'inherit', 'inherit']});
let serverExit = null;
server.on('exit', (code, signal) => { serverExit = {code, signal}; });

async function api(pathAndQuery) {
  const response = await fetch(base + pathAndQuery);
  const body = await response.json();
  if (!response.ok) throw new Error(`${pathAndQuery}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

let browser = null;
async function stopServer() {
  if (serverExit) return serverExit;
  server.kill('SIGTERM');
  for (let i = 0; i < 100 && !serverExit; ++i) await sleep(100);
  if (!serverExit) server.kill('SIGKILL');
  return serverExit;
}

try {
  // Up when /api/meta answers; give up after about 20 s.
  let meta = null;
  for (let i = 0; i < 200 && !meta && !serverExit; ++i) {
    try { meta = await api('/api/meta'); } catch (e) { await sleep(100); }
  }
  if (!meta) throw new Error(`griot serve did not answer on ${base} (exit: ${JSON.stringify(serverExit)})`);
  check(meta.events > 0, `the store holds events (${meta.events})`);

  // A type with some but not all of the located events: the filter to test.
  const allPlaces = (await api('/api/places?limit=2000')).places;
  const located = allPlaces.reduce((n, p) => n + p.events, 0);
  const byType = await api('/api/aggregates?group_by=type');
  const iType = byType.columns.indexOf('type');
  let chosen = null;
  for (const row of byType.rows) {
    const placed = (await api(`/api/places?type=${row[iType]}&limit=2000`)).places.reduce((n, p) => n + p.events, 0);
    if (placed > 0 && placed < located) { chosen = {type: row[iType], placed}; break; }
  }
  if (!check(chosen !== null, 'the sample has an event type found at some places but not all')) {
    throw new Error('no event type to filter on');
  }

  browser = await chromium.launch({executablePath: chromiumPath, headless: true, args: ['--no-sandbox']});
  const page = await browser.newPage({viewport: {width: 1280, height: 800}});
  const consoleErrors = [];
  const outside = [];
  page.on('console', msg => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', error => consoleErrors.push(error.message));
  // Everything must come from griot serve: no CDN, no tiles by default.
  await page.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  let ready = 0;
  // Waits until the page has finished rendering after the last action.
  async function settled() {
    await page.waitForFunction(n => Number(document.body.dataset.ready || 0) > n, ready);
    ready = Number(await page.evaluate(() => document.body.dataset.ready));
  }
  // page.goto, counting renders afresh only when the document reloads (a
  // change of hash alone keeps the page and its render counter).
  async function visit(url) {
    const now = new URL(page.url());
    const next = new URL(url);
    if (now.pathname !== next.pathname || now.search !== next.search) ready = 0;
    await page.goto(url);
    await settled();
  }
  const markerEvents = () => page.evaluate(() => Number(document.getElementById('map').dataset.events || 0));
  const tableTypes = () => page.$$eval('#events-table tbody tr[data-event-id] .type-tag', tags => tags.map(t => t.textContent));

  // --- first load ---------------------------------------------------------
  await visit(base + '/');
  await page.waitForSelector('#map .place-marker');
  const shapes = await page.$$eval('#map path.leaflet-interactive', paths => paths.length);
  check(shapes > 100, `the map draws the country shapes offline (${shapes} shapes)`);
  const markersBefore = await page.$$eval('#map .place-marker', m => m.length);
  const eventsBefore = await markerEvents();
  check(markersBefore > 0, `the map shows markers (${markersBefore})`);
  check(eventsBefore === located, `the markers count every located event (${eventsBefore} of ${located})`);
  const rowsBefore = (await tableTypes()).length;
  check(rowsBefore > 0, `the event table lists events (${rowsBefore})`);
  check(await page.$('#timeline .uplot') !== null, 'the timeline is drawn');

  // --- a filter narrows the table and the map ------------------------------
  await page.selectOption('#filters select[name=type]', chosen.type);
  await settled();
  const types = await tableTypes();
  check(types.length > 0 && types.every(t => t === chosen.type),
    `filtering on ${chosen.type} leaves only ${chosen.type} rows (${types.length})`);
  check(types.length < rowsBefore || rowsBefore === 50, `the table narrows (${rowsBefore} -> ${types.length})`);
  const eventsAfter = await markerEvents();
  check(eventsAfter === chosen.placed && eventsAfter < eventsBefore,
    `the map markers narrow to the ${chosen.type} events (${eventsBefore} -> ${eventsAfter})`);
  check(new URL(page.url()).searchParams.get('type') === chosen.type, `the URL carries type=${chosen.type}`);

  // --- an event's detail ----------------------------------------------------
  const firstRow = page.locator('#events-table tbody tr[data-event-id]').first();
  const eventId = await firstRow.getAttribute('data-event-id');
  await firstRow.click();
  await page.waitForSelector('#detail .sentence mark');
  const detail = await api(`/api/events/${encodeURIComponent(eventId)}`);
  const shown = await page.$eval('#detail .sentence', p => p.textContent);
  check(shown === detail.sentence, 'the detail shows the event\'s sentence');
  const trigger = await page.$$eval('#detail .sentence mark.role-trigger', m => m.map(x => x.textContent));
  const expectedTrigger = detail.spans && Array.isArray(detail.spans.trigger)
    ? Array.from(detail.sentence).slice(detail.spans.trigger[0], detail.spans.trigger[1]).join('') : null;
  check(expectedTrigger !== null && trigger.includes(expectedTrigger),
    `the trigger is highlighted ("${trigger.join(', ')}", expected "${expectedTrigger}")`);
  const roles = await page.$$eval('#detail .role-legend mark', m => m.map(x => x.textContent));
  check(roles.includes('trigger'), `the highlight legend names the roles (${roles.join(', ')})`);
  fs.mkdirSync(path.join(buildDir, 'test-artifacts'), {recursive: true});
  await page.screenshot({path: path.join(buildDir, 'test-artifacts', 'dashboard.png')});

  // --- reload keeps the filter; Back removes it ---------------------------
  await page.reload();
  ready = 0;
  await settled();
  check(await page.$eval('#filters select[name=type]', s => s.value) === chosen.type,
    'after a reload the filter bar still shows the filter');
  const typesReloaded = await tableTypes();
  check(typesReloaded.length === types.length && typesReloaded.every(t => t === chosen.type),
    'after a reload the table is still filtered');
  await page.goBack();
  await settled();
  check(!new URL(page.url()).searchParams.has('type'), 'Back returns to the unfiltered URL');
  check(await markerEvents() === eventsBefore, 'Back restores every marker');

  // --- dragging across the timeline sets the date range -------------------
  const over = await page.$('#timeline .u-over');
  const box = await over.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, {steps: 5});
  await page.mouse.up();
  await settled();
  const picked = new URL(page.url()).searchParams;
  const from = picked.get('from');
  const to = picked.get('to');
  check(/^\d{4}-\d\d-\d\d$/.test(from || '') && /^\d{4}-\d\d-\d\d$/.test(to || '') && from < to,
    `dragging across the timeline puts a date range in the URL (${from} to ${to})`);
  const days = await page.$$eval('#events-table tbody tr[data-event-id] td:first-child', t => t.map(x => x.textContent));
  check(days.every(d => d >= from && d <= to), `the table keeps only events in that range (${days.length})`);
  check(await page.$eval('#filters input[name=from]', i => i.value) === from, 'the filter bar shows the picked range');

  // --- the other views ------------------------------------------------------
  const country = meta.countries.length ? meta.countries[0].code : null;
  if (country) {
    await visit(`${base}/#country=${country}`);
    const actorRows = await page.$$eval('#country-page table tbody tr', r => r.length);
    check(actorRows > 0, `the country page of ${country} shows its tables (${actorRows} rows)`);
  }
  await visit(`${base}/#network`);
  const nodes = await page.$$eval('#network svg.network .node', n => n.length);
  check(nodes > 1, `the actor network draws actors (${nodes})`);

  check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(' | ')})`);
  check(outside.length === 0, `nothing is fetched from outside griot serve (${outside.join(' ')})`);

  // --- a bad filter shows the server's error -------------------------------
  await page.goto(`${base}/?from=2025-13-01`);
  await page.waitForSelector('#error:not([hidden])');
  const message = await page.$eval('#error', e => e.textContent);
  check(/from/.test(message) && /400/.test(message), `a bad date shows the server's error ("${message.trim()}")`);

  // --- a tile layer only once the user configures one ----------------------
  await visit(base + '/');
  await page.click('#settings summary');
  await page.fill('#settings-form input[name=tileUrl]', 'https://tiles.invalid/{z}/{x}/{y}.png');
  await page.click('#settings-form button[type=submit]');
  await page.waitForSelector('#map .leaflet-tile', {state: 'attached'});
  check(outside.some(url => url.startsWith('https://tiles.invalid/')),
    'a tile URL saved in Settings adds that tile layer to the map');
} catch (e) {
  check(false, `unexpected: ${e.stack || e}`);
} finally {
  if (browser) await browser.close();
  const exit = await stopServer();
  check(exit && (exit.code === 0 || exit.signal === 'SIGTERM'), `griot serve stops on SIGTERM (${JSON.stringify(exit)})`);
  fs.rmSync(tmp, {recursive: true, force: true});
}

if (failures.length) {
  console.error(`web_dashboard: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('web_dashboard: all checks passed');
