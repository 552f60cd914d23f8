// The dashboard's wiring: reads the filters and the view from the URL,
// asks griot serve for the data each view needs, and keeps the URL in step
// when the user filters (so links can be shared and back/forward work).
// Each view lives in its own module; this file only routes between them.
import {getJson} from './api.js';
import {h, plural} from './dom.js';
import {FORM_NAMES, readFilters, filtersToSearch, readView, viewToHash,
  formToFilters, filtersToForm} from './filters.js';
import {EventMap} from './map.js';
import {Timeline, periodFor} from './timeline.js';
import {EventTable, PAGE_SIZE} from './table.js';
import {renderDetail} from './detail.js';
import {countryIndex, renderCountry} from './country.js';
import {renderNetwork} from './network.js';
import {bindSettingsForm} from './settings.js';

const $ = id => document.getElementById(id);

class Dashboard {
  constructor() {
    this.filters = {};
    this.view = {view: 'overview'};
    this.offset = 0;
    this.selectedEvent = null;
    this.meta = null;
    this.generation = 0;  // answers to superseded requests are dropped
    this.rendered = null;
    this.form = $('filters');
  }

  async start() {
    this.map = new EventMap($('map'), $('map-legend'), {
      onCountry: code => this.navigate(this.filters, {view: 'country', country: code}),
    });
    const settings = bindSettingsForm($('settings-form'), s => this.map.setTiles(s.tileUrl, s.tileAttribution));
    this.map.setTiles(settings.tileUrl, settings.tileAttribution);
    this.timeline = new Timeline($('timeline'), {onRange: (from, to) => this.setRange(from, to)});
    this.table = new EventTable({
      body: $('events-table').querySelector('tbody'), count: $('table-count'), info: $('page-info'),
      prev: $('page-prev'), next: $('page-next'),
    }, {
      onOpen: id => this.openEvent(id),
      onPage: step => { this.offset = Math.max(0, this.offset + step * PAGE_SIZE); this.loadTable(this.generation); },
    });
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.navigate(formToFilters(this.form, this.filters), this.view);
    });
    // A changed list applies at once; typed fields wait for Enter or Apply.
    for (const name of ['country', 'type']) {
      this.form.elements[name].addEventListener('change', () =>
        this.navigate(formToFilters(this.form, this.filters), this.view));
    }
    $('clear-filters').addEventListener('click', () => this.navigate({}, this.view));
    window.addEventListener('popstate', () => this.fromUrl());
    window.addEventListener('hashchange', () => this.fromUrl());
    window.addEventListener('resize', () => { this.timeline.resize(); this.map.invalidate(); });

    this.map.invalidate();
    this.map.loadShapes().catch(e => this.showError(`country shapes: ${e.message}`));
    try {
      this.meta = await getJson('/api/meta');
    } catch (e) {
      this.showError(e);
      this.meta = {types: [], countries: []};
    }
    this.fillLists();
    getJson('/api/actors', {limit: 100}).then(answer => {
      $('actor-list').replaceChildren(...answer.actors.map(a => h('option', {value: a.key}, a.name || '')));
    }).catch(() => {});  // only suggestions: the field works without them
    await this.fromUrl();
  }

  fillLists() {
    const m = this.meta;
    $('meta-line').textContent = m.events !== undefined
      ? `${plural(m.events, 'event')} from ${plural(m.documents, 'document')}, ${m.first_day || '?'} – ${m.last_day || '?'}`
      : '';
    const country = this.form.elements.country;
    country.replaceChildren(h('option', {value: ''}, 'all'),
      ...m.countries.map(c => h('option', {value: c.code}, `${c.code} (${c.events})`)));
    const type = this.form.elements.type;
    type.replaceChildren(h('option', {value: ''}, 'all'), ...m.types.map(t => h('option', {value: t}, t)));
  }

  // New filters or view from the user: a new history entry.
  navigate(filters, view) {
    const url = `${location.pathname}${filtersToSearch(filters)}${viewToHash(view)}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) {
      this.refresh();  // same view asked again (Apply after an error): reload it
      return;
    }
    history.pushState(null, '', url);
    this.fromUrl();
  }

  setRange(from, to) {
    this.navigate({...this.filters, from, to}, this.view);
  }

  filterActor(key) {
    this.navigate({...this.filters, actor: key}, this.view);
  }

  // Renders whatever the URL says, once per distinct URL.
  async fromUrl() {
    const key = `${location.search}${location.hash}`;
    if (key === this.rendered) return;
    this.rendered = key;
    const filtersChanged = filtersToSearch(readFilters(location.search)) !== filtersToSearch(this.filters);
    this.filters = readFilters(location.search);
    this.view = readView(location.hash);
    if (filtersChanged) this.offset = 0;
    filtersToForm(this.form, this.filters);
    this.showExtraFilters();
    this.map.selectCountries(this.filters.country ? this.filters.country.split(',') : []);
    for (const link of document.querySelectorAll('#views a')) {
      link.classList.toggle('active', link.dataset.view === this.view.view);
      if (link.dataset.view === 'country' && this.view.country) link.href = viewToHash(this.view);
    }
    for (const name of ['overview', 'country', 'network']) $(`view-${name}`).hidden = name !== this.view.view;
    document.body.dataset.view = this.view.view;
    await this.refresh();
  }

  // Filters the bar does not edit (quad, dyad, admin1...) as removable chips.
  showExtraFilters() {
    const extra = Object.entries(this.filters).filter(([name]) => !FORM_NAMES.includes(name));
    $('extra-filters').replaceChildren(...extra.map(([name, value]) => h('span', {class: 'chip'},
      `${name}=${value} `, h('button', {type: 'button', title: `remove ${name}`, onclick: () => {
        const rest = {...this.filters};
        delete rest[name];
        this.navigate(rest, this.view);
      }}, '×'))));
  }

  async refresh() {
    const generation = ++this.generation;
    this.clearError();
    document.body.classList.add('loading');
    try {
      if (this.view.view === 'overview') await this.loadOverview(generation);
      else if (this.view.view === 'country') await this.loadCountry(generation);
      else await this.loadNetwork(generation);
    } catch (e) {
      if (generation === this.generation) this.showError(e);
    } finally {
      if (generation === this.generation) {
        document.body.classList.remove('loading');
        document.body.dataset.ready = String(generation);  // the browser test waits on it
      }
    }
  }

  async loadOverview(generation) {
    const first = this.filters.from || this.meta.first_day;
    const last = this.filters.to || this.meta.last_day;
    const period = periodFor(first, last);
    const [places, series] = await Promise.all([
      getJson('/api/places', {...this.filters, limit: 2000}),
      // Every row: the server's default page (1000 rows) could cut the chart.
      getJson('/api/aggregates', {...this.filters, group_by: `${period},type`, limit: 100000}),
      this.loadTable(generation),
    ]);
    if (generation !== this.generation) return;
    this.map.invalidate();
    this.map.showPlaces(places.places);
    this.timeline.render(series.columns, series.rows, period);
  }

  async loadTable(generation) {
    const answer = await getJson('/api/events', {...this.filters, limit: PAGE_SIZE, offset: this.offset});
    if (generation !== this.generation) return;
    this.table.show(answer, this.selectedEvent);
  }

  async openEvent(id) {
    this.selectedEvent = id;
    this.table.select(id);
    const panel = $('detail');
    try {
      const event = await getJson(`/api/events/${encodeURIComponent(id)}`);
      if (this.selectedEvent !== id) return;
      renderDetail(panel, event, {onActor: key => this.filterActor(key)});
    } catch (e) {
      this.showError(e);
    }
  }

  async loadCountry(generation) {
    const page = $('country-page');
    let code = this.view.country;
    if (!code && this.filters.country && !this.filters.country.includes(',')) code = this.filters.country;
    if (!code) { countryIndex(page, this.meta); return; }
    const {country, ...others} = this.filters;  // the page is about `code`
    await renderCountry(page, code, others, this.meta, {
      onActor: key => this.filterActor(key),
      onRange: (from, to) => this.setRange(from, to),
    });
    if (generation !== this.generation) return;
  }

  async loadNetwork(generation) {
    const answer = await getJson('/api/aggregates', {...this.filters, group_by: 'dyad', limit: 500});
    if (generation !== this.generation) return;
    renderNetwork($('network'), answer.columns, answer.rows, {
      onActor: key => this.filterActor(key),
      onDyad: dyad => this.navigate({...this.filters, dyad}, this.view),
    });
  }

  // error: an ApiError (status + the server's message) or a plain string.
  showError(error) {
    const box = $('error');
    const status = error && error.status ? `${error.status}: ` : '';
    const where = error && error.path ? ` (${error.path})` : '';
    box.replaceChildren(h('strong', {}, 'Error '), `${status}${error.message || error}${where}`,
      h('button', {type: 'button', class: 'link', onclick: () => this.clearError()}, ' dismiss'));
    box.hidden = false;
  }

  clearError() {
    $('error').hidden = true;
  }
}

new Dashboard().start();
