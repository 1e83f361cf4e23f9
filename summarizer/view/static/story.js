// A story brief: each figure's reports by date, one article's evidence at a time in the article pane.

import { ArticlePane, pointsAt } from './article.js';
import { figureValue, h, section, warningsBox } from './dom.js';

export function renderStory(payload) {
  const story = payload.story;
  const texts = payload.texts || {};
  const articles = new Map(story.articles.map((a) => [a.id, a]));
  const pane = new ArticlePane();
  pane.show('', 'Click a report, claim or timeline entry to see it in its article');

  const describe = (id) => {
    const a = articles.get(id) || {};
    return [a.publisher, a.date, a.title || id].filter(Boolean).join(' · ');
  };
  const point = (el, id, span) => {
    if (texts[id] === undefined) {
      el.classList.add('no-evidence');
      el.title = 'this article’s text was not given (--article FILE)';
      return el;
    }
    return pointsAt(el, pane, [span], () => { if (pane.key !== id) pane.show(texts[id], describe(id), id); });
  };

  const figure = (fig, f) => h('div', { class: 'story-figure' },
    h('h3', {}, fig.counts, h('span', { class: 'dim' }, ` · ${fig.kind}`),
      fig.latest ? h('span', { class: 'latest' }, ` latest: ${figureValue(fig.latest)}`) : '',
      fig.conflict ? h('span', { class: 'badge conflict' }, 'conflicting reports') : ''),
    h('table', { class: 'reports' },
      h('thead', {}, h('tr', {}, ['date', 'article', 'as written', 'value', 'source'].map((c) => h('th', {}, c)))),
      h('tbody', {}, fig.reports.map((r, i) => {
        const a = articles.get(r.article) || {};
        return point(h('tr', { data: { kind: 'report', figure: f, index: i } },
          h('td', {}, a.date || '—'), h('td', {}, a.publisher || r.article), h('td', {}, r.text),
          h('td', { class: 'num' }, figureValue(r)), h('td', {}, r.source || "article's own voice")), r.article, r.span);
      }))));

  const claim = (c, i) => point(h('div', { class: 'claim', data: { kind: 'claim', index: i } },
    h('div', { class: 'claim-source' }, c.source, h('span', { class: 'dim' }, ` · ${describe(c.article)}`)),
    h('div', {}, c.statement), c.quote ? h('blockquote', {}, `“${c.quote}”`) : ''), c.article, c.span);

  const parts = [h('h1', { class: 'headline' }, story.headline), h('p', { class: 'what' }, story.what),
    section(`Articles (${story.articles.length})`, h('table', { class: 'articles' },
      h('tbody', {}, story.articles.map((a) => h('tr', {}, h('td', {}, a.date || '—'), h('td', {}, a.publisher || ''),
        h('td', {}, a.title || a.id), h('td', { class: 'dim' }, a.id))))))];
  if (story.who.length) {
    parts.push(section('Who', h('ul', { class: 'chips' }, story.who.map((p) => h('li', { class: 'chip' },
      h('strong', {}, p.name), ` (${p.kind}) `, h('span', { class: 'dim' }, `in ${(p.articles || []).length} articles`))))));
  }
  if (story.figures.length) parts.push(section('Figures: reports by date', story.figures.map(figure)));
  if (story.claims.length) parts.push(section('Claims', h('div', { class: 'claims' }, story.claims.map(claim))));
  if ((story.disputes || []).length) {
    parts.push(section('Disputes', story.disputes.map((d) => h('div', { class: 'dispute' }, h('h3', {}, d.topic),
      h('div', { class: 'side-by-side' }, (d.claims || []).filter((i) => story.claims[i]).map((i) => claim(story.claims[i], i)))))));
  }
  if ((story.timeline || []).length) {
    parts.push(section('Timeline', h('ol', { class: 'timeline' }, story.timeline.map((t) => point(
      h('li', {}, h('strong', {}, t.date || 'undated'), ` ${t.text} `, h('span', { class: 'dim' }, describe(t.article))),
      t.article, t.span)))));
  }
  return h('div', { class: 'page story-page' }, warningsBox(payload.warnings),
    h('div', { class: 'split' }, h('div', { class: 'brief-pane' }, parts), pane.el));
}
