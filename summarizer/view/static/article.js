// The article pane: the article as plain text, with the evidence of whatever the reader points at marked in
// place. Spans count code points (as the server's Python does), so the text is split into code points, not
// UTF-16 units: an emoji before a figure does not shift its highlight.

import { h } from './dom.js';

function merge(spans, length) {
  const sorted = spans
    .filter((s) => Array.isArray(s) && s[0] < s[1])
    .map(([s, e]) => [Math.max(0, s), Math.min(length, e)])
    .sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([...span]);
  }
  return out;
}

export class ArticlePane {
  constructor() {
    this.title = h('h2', { class: 'article-title' });
    this.body = h('div', { class: 'article-text', id: 'article' });
    this.el = h('section', { class: 'article-pane' }, this.title, this.body);
    this.chars = [];
    this.pinned = [];
    this.key = null;
  }

  show(text, title, key = null) {
    this.chars = Array.from(text || '');
    this.title.textContent = title || 'Article';
    this.key = key;
    this.pinned = [];
    this.draw([], false);
  }

  draw(spans, scroll) {
    const parts = [];
    let pos = 0;
    for (const [start, end] of merge(spans, this.chars.length)) {
      if (start > pos) parts.push(this.chars.slice(pos, start).join(''));
      parts.push(h('mark', {}, this.chars.slice(start, end).join('')));
      pos = end;
    }
    parts.push(this.chars.slice(pos).join(''));
    this.body.replaceChildren(...parts);
    const first = this.body.querySelector('mark');
    if (scroll && first) this.reveal(first);
  }

  // Scrolls the pane alone (the page stays put, so the item under the pointer stays under it); a pane that
  // does not scroll (narrow screens) brings the mark into view the ordinary way.
  reveal(mark) {
    if (this.el.scrollHeight > this.el.clientHeight) {
      this.el.scrollTop = Math.max(0, mark.offsetTop - this.el.clientHeight / 3);
    } else {
      mark.scrollIntoView({ block: 'center' });
    }
  }

  preview(spans) { this.draw(spans, false); }
  unpreview() { this.draw(this.pinned, false); }
  pin(spans) { this.pinned = spans; this.draw(spans, true); }
}

// Makes `el` point at evidence: hover previews it, a click (or Enter) pins it and scrolls to it. `spans` is a
// list of [start, end]; `before` runs first on a click (the story view swaps the article in it).
export function pointsAt(el, pane, spans, before = null) {
  const usable = (spans || []).filter(Boolean);
  el.classList.add(usable.length ? 'evidence-link' : 'no-evidence');
  if (!usable.length) {
    el.title = 'not found as written in the article';
    return el;
  }
  el.tabIndex = 0;
  el.addEventListener('mouseenter', () => { if (!before) pane.preview(usable); });
  el.addEventListener('mouseleave', () => { if (!before) pane.unpreview(); });
  const choose = () => {
    if (before) before();
    for (const other of document.querySelectorAll('.selected')) other.classList.remove('selected');
    el.classList.add('selected');
    pane.pin(usable);
  };
  el.addEventListener('click', choose);
  el.addEventListener('keydown', (event) => { if (event.key === 'Enter') choose(); });
  return el;
}
