// The filters live in the URL's query string under the API's own parameter
// names (country, type, actor, from, to, text, ... as `griot query` takes
// them), so a view can be shared as a link, reloading restores it, and the
// page hands them to the API unchanged. The hash names the view:
// #overview, #country=MLI, #network.

// Every filter the API accepts (griot::EventFilter); other query-string
// names are dropped rather than sent, since the API rejects unknown ones.
export const FILTER_NAMES = ['country', 'admin1', 'actor', 'role', 'dyad', 'type', 'mode',
  'context', 'quad', 'from', 'to', 'bbox', 'near', 'text', 'doc', 'min_confidence',
  'all_mentions'];

// The ones the filter bar edits; the rest show as removable chips.
export const FORM_NAMES = ['country', 'type', 'actor', 'from', 'to', 'text'];

export function readFilters(search) {
  const query = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = query.get(name);
    if (value !== null && value.trim() !== '') filters[name] = value.trim();
  }
  return filters;
}

export function filtersToSearch(filters) {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    if (filters[name]) query.set(name, filters[name]);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

// "#country=MLI" -> {view: 'country', country: 'MLI'}
export function readView(hash) {
  const text = hash.replace(/^#/, '');
  if (text.startsWith('country')) {
    const code = text.includes('=') ? decodeURIComponent(text.split('=')[1]) : '';
    return {view: 'country', country: code.toUpperCase()};
  }
  if (text === 'network') return {view: 'network'};
  return {view: 'overview'};
}

export function viewToHash(view) {
  if (view.view === 'country') return view.country ? `#country=${encodeURIComponent(view.country)}` : '#country';
  if (view.view === 'network') return '#network';
  return '';
}

// Filter bar <-> filters. Values the bar does not show (quad, dyad, ...)
// pass through untouched.
export function formToFilters(form, current) {
  const filters = {...current};
  for (const name of FORM_NAMES) {
    const value = form.elements[name].value.trim();
    if (value) filters[name] = value;
    else delete filters[name];
  }
  return filters;
}

export function filtersToForm(form, filters) {
  for (const name of FORM_NAMES) {
    const input = form.elements[name];
    const value = filters[name] || '';
    if (input.tagName === 'SELECT' && value && ![...input.options].some(o => o.value === value)) {
      // A shared link may carry a value the list lacks (several countries, a
      // country without events): keep it selectable rather than lose it.
      input.appendChild(new Option(value, value));
    }
    input.value = value;
  }
}
