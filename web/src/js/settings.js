// User settings kept in this browser (localStorage): the optional map tile
// layer. None by default, so the page never reaches outside the griot server
// unless the user asks for it.
const KEY = 'griot.dashboard.settings';

export function loadSettings() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || '{}');
    return {tileUrl: String(saved.tileUrl || ''), tileAttribution: String(saved.tileAttribution || '')};
  } catch (e) {
    return {tileUrl: '', tileAttribution: ''};  // unreadable: start over
  }
}

export function saveSettings(settings) {
  localStorage.setItem(KEY, JSON.stringify(settings));
}

// A tile URL must be http(s) and carry {z}, {x} and {y}.
export function checkTileUrl(url) {
  if (!url) return '';
  if (!/^https?:\/\//i.test(url)) return 'the tile URL must start with http:// or https://';
  for (const part of ['{z}', '{x}', '{y}']) {
    if (!url.includes(part)) return `the tile URL needs ${part}`;
  }
  return '';
}

export function bindSettingsForm(form, onChange) {
  const current = loadSettings();
  form.elements.tileUrl.value = current.tileUrl;
  form.elements.tileAttribution.value = current.tileAttribution;
  // The form is novalidate: this handler checks, so a value once refused
  // does not block the next submit.
  form.elements.tileUrl.addEventListener('input', () => form.elements.tileUrl.setCustomValidity(''));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const settings = {
      tileUrl: form.elements.tileUrl.value.trim(),
      tileAttribution: form.elements.tileAttribution.value.trim(),
    };
    const problem = checkTileUrl(settings.tileUrl);
    form.elements.tileUrl.setCustomValidity(problem);
    if (problem) { form.reportValidity(); return; }
    saveSettings(settings);
    onChange(settings);
  });
  return current;
}
