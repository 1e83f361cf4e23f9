// Building elements from data. Every string goes in as a text node, never as markup: article and model text is
// untrusted, and nothing from a brief or an article is ever parsed as HTML.

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'data') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// An in-page link; the target is built here from an encoded id, never taken from data as is.
export function caseLink(run, id, text) {
  return h('a', { href: `#/case/${run}/${encodeURIComponent(id)}` }, text);
}

export function num(value) {
  if (value === null || value === undefined) return '?';
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const MARKS = { more_than: '> ', at_least: '≥ ', at_most: '≤ ', fewer_than: '< ', approximate: '≈ ' };

export function figureValue(f) {
  const unit = f.unit ? ` ${f.unit}` : '';
  if (f.approx === 'range') return `${num(f.value)}–${num(f.upper)}${unit}`;
  return `${MARKS[f.approx] || ''}${num(f.value)}${unit}`;
}

export function score(x) {
  return x === null || x === undefined ? '—' : x.toFixed(3);
}

export function signed(x) {
  if (x === null || x === undefined) return '—';
  return (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(3);
}

export function trend(x) {
  if (x === null || x === undefined || Math.abs(x) < 1e-9) return 'same';
  return x > 0 ? 'up' : 'down';
}

export function section(title, ...children) {
  return h('section', { class: 'block' }, h('h2', {}, title), ...children);
}

export function warningsBox(warnings) {
  if (!warnings || !warnings.length) return null;
  return h('ul', { class: 'warnings' }, warnings.map((w) => h('li', {}, w)));
}
