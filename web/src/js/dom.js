// Builds DOM nodes from data without ever parsing data as HTML: text goes
// through text nodes, attributes through setAttribute, so an event sentence
// or an actor name with "<script>" in it stays text.
//
//   h('td', {class: 'num'}, String(n))
//   h('a', {href: url}, title)
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// SVG elements need their namespace.
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

// "MLI MIL" or the surface text when the actor has no code.
export function actorLabel(a) {
  if (!a) return '';
  const key = [a.code, a.sector].filter(Boolean).join(' ');
  if (a.name) return key ? `${a.name} (${key})` : a.name;
  return key || a.text || '';
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
