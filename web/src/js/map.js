// The world map: country shapes from world-atlas (drawn from a file the
// server hands out, so no internet is needed), an optional tile layer the
// user configures in Settings, and one clustered marker per place from
// /api/places, coloured by its dominant quad class and sized by events.
import {h} from './dom.js';
import {QUADS, dominantQuad} from './quads.js';

const ATLAS_URL = 'vendor/world-atlas/countries-50m.json';
const NUMBERS_URL = 'data/country_numbers.txt';

// kb/geo/country_numbers.txt: "ISO3 | numeric | FIPS" -> {"466": "MLI"}
function parseCountryNumbers(text) {
  const byNumber = {};
  for (const line of text.split('\n')) {
    const fields = line.replace(/#.*/, '').split('|').map(f => f.trim());
    if (fields.length >= 2 && /^[A-Z]{3}$/.test(fields[0]) && /^\d{3}$/.test(fields[1])) {
      byNumber[fields[1]] = fields[0];
    }
  }
  return byNumber;
}

function markerSize(events) {
  return Math.round(Math.min(48, 14 + 6 * Math.sqrt(events)));
}

function markerIcon(quad, events, cluster) {
  const size = markerSize(events);
  return L.divIcon({
    className: `place-marker quad-${quad}${cluster ? ' place-cluster' : ''}`,
    html: `<span>${Number(events)}</span>`,  // a number only: nothing to escape
    iconSize: [size, size],
  });
}

export class EventMap {
  // onCountry(iso3): called when the user clicks a country shape.
  constructor(container, legend, {onCountry}) {
    this.container = container;
    this.onCountry = onCountry;
    this.selected = new Set();
    this.map = L.map(container, {worldCopyJump: true, minZoom: 2, maxZoom: 12})
      .setView([15, 0], 3);
    this.map.createPane('shapes').style.zIndex = 250;  // under the markers
    this.tiles = null;
    this.shapes = null;
    this.markers = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: cluster => {
        const quads = [0, 0, 0, 0];
        let events = 0;
        for (const m of cluster.getAllChildMarkers()) {
          m.options.quads.forEach((n, i) => { quads[i] += n; });
          events += m.options.events;
        }
        return markerIcon(dominantQuad(quads), events, true);
      },
    }).addTo(this.map);
    this.drawLegend(legend);
  }

  drawLegend(legend) {
    legend.replaceChildren(...QUADS.map(q => h('span', {class: 'legend-item'},
      h('span', {class: `swatch quad-${q.quad}`}), q.name)),
    h('span', {class: 'muted'}, ' size: events; click a country for its page'));
  }

  // Country shapes, once; the map still shows markers when they fail.
  async loadShapes() {
    const [atlas, numbers] = await Promise.all([
      fetch(ATLAS_URL).then(r => { if (!r.ok) throw new Error(`${ATLAS_URL}: ${r.status}`); return r.json(); }),
      fetch(NUMBERS_URL).then(r => (r.ok ? r.text() : '')),
    ]);
    const iso3 = parseCountryNumbers(numbers);
    const countries = topojson.feature(atlas, atlas.objects.countries);
    for (const f of countries.features) f.properties.iso3 = iso3[f.id] || '';
    this.shapes = L.geoJSON(countries, {
      pane: 'shapes',
      style: f => this.shapeStyle(f),
      onEachFeature: (f, layer) => {
        // An element, not a string: Leaflet would parse a string as HTML.
        layer.bindTooltip(h('span', {}, f.properties.name || f.properties.iso3 || ''), {sticky: true});
        layer.on('click', () => { if (f.properties.iso3) this.onCountry(f.properties.iso3); });
      },
    }).addTo(this.map);
  }

  shapeStyle(feature) {
    const chosen = this.selected.has(feature.properties.iso3);
    return {
      color: '#7a8794', weight: chosen ? 2 : 0.6,
      fillColor: chosen ? '#fde9b7' : '#eef0f2', fillOpacity: this.tiles ? 0.15 : 1,
    };
  }

  selectCountries(codes) {
    this.selected = new Set(codes);
    if (this.shapes) this.shapes.setStyle(f => this.shapeStyle(f));
  }

  // url: "https://.../{z}/{x}/{y}.png" or '' for none (the default).
  setTiles(url, attribution) {
    if (this.tiles) this.map.removeLayer(this.tiles);
    this.tiles = url ? L.tileLayer(url, {attribution: attribution || '', maxZoom: 18}).addTo(this.map) : null;
    if (this.shapes) this.shapes.setStyle(f => this.shapeStyle(f));
  }

  // places: /api/places's list.
  showPlaces(places) {
    this.markers.clearLayers();
    const layers = [];
    let events = 0;
    for (const p of places) {
      if (p.lat === null || p.lon === null || p.lat === undefined) continue;
      const quads = p.quads || [0, 0, 0, 0];
      const marker = L.marker([p.lat, p.lon], {
        icon: markerIcon(dominantQuad(quads), p.events, false), quads, events: p.events,
        title: `${p.name}: ${p.events} events`,
      });
      marker.bindPopup(() => h('div', {class: 'popup'},
        h('strong', {}, p.name || '(unnamed place)'), ` ${[p.admin1, p.country].filter(Boolean).join(', ')}`,
        h('br'), `${p.events} events, ${p.reports} reports`,
        h('ul', {}, QUADS.filter(q => quads[q.quad - 1]).map(q =>
          h('li', {}, `${q.name}: ${quads[q.quad - 1]}`)))));
      layers.push(marker);
      events += p.events;
    }
    this.markers.addLayers(layers);
    // The browser test and curious users read these.
    this.container.dataset.places = String(layers.length);
    this.container.dataset.events = String(events);
    if (layers.length) {
      this.map.fitBounds(L.featureGroup(layers).getBounds().pad(0.3), {maxZoom: 6});
    }
  }

  // After a layout change. Until markers have set the view, the default
  // view is set again: set while the container had no size, it is off.
  invalidate() {
    this.map.invalidateSize();
    if (!this.container.dataset.places) this.map.setView([15, 5], 3);
  }
}
