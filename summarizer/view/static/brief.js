// A brief beside its article: names, places, dates, figures (grouped by who claims them), claims and disputes,
// each pointing at its evidence in the article pane.

import { ArticlePane, pointsAt } from './article.js';
import { figureValue, h, section, warningsBox } from './dom.js';

const OWN_VOICE = "the article's own voice";

function chips(items, pane, label, kind) {
  return h('ul', { class: 'chips' }, items.map((item, i) => pointsAt(
    h('li', { class: item.main ? 'chip main' : 'chip', data: { kind, index: i } }, label(item)),
    pane, item.spans,
  )));
}

function who(item) {
  const extra = [item.kind, item.role].filter(Boolean).join(', ');
  return [h('strong', {}, item.name), extra ? ` (${extra})` : '',
    item.aliases && item.aliases.length ? h('span', { class: 'dim' }, ` also ${item.aliases.join(', ')}`) : ''];
}

function figuresBySource(figures, pane) {
  const groups = new Map();
  figures.forEach((fig, i) => {
    const key = fig.source || OWN_VOICE;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push([fig, i]);
  });
  return [...groups.entries()].map(([source, rows]) => h('div', { class: 'source-group' },
    h('h3', {}, source, h('span', { class: 'dim' }, ` · ${rows.length}`)),
    h('table', { class: 'figures' },
      h('thead', {}, h('tr', {}, ['figure', 'value', 'counts', 'kind'].map((c) => h('th', {}, c)))),
      h('tbody', {}, rows.map(([fig, i]) => pointsAt(
        h('tr', { data: { kind: 'figure', index: i } },
          h('td', {}, fig.text), h('td', { class: 'num' }, figureValue(fig)),
          h('td', {}, fig.counts), h('td', { class: 'dim' }, fig.kind || '')),
        pane, [fig.span],
      ))))));
}

function claimCard(claim, i, pane) {
  return pointsAt(h('div', { class: 'claim', data: { kind: 'claim', index: i } },
    h('div', { class: 'claim-source' }, claim.source, claim.cue ? h('span', { class: 'dim' }, ` ${claim.cue}`) : ''),
    h('div', {}, claim.statement),
    claim.quote ? h('blockquote', {}, `“${claim.quote}”`) : ''), pane, [claim.span]);
}

function disputes(brief, pane) {
  return brief.disputes.map((dispute) => {
    const claims = (dispute.claims || []).filter((i) => brief.claims[i]);
    const head = pointsAt(h('h3', {}, dispute.topic, h('span', { class: 'dim' }, ` · ${(dispute.sources || []).join(' vs ')}`)),
      pane, claims.map((i) => brief.claims[i].span));
    return h('div', { class: 'dispute' }, head,
      h('div', { class: 'side-by-side' }, claims.map((i) => claimCard(brief.claims[i], i, pane))));
  });
}

function meta(brief) {
  const m = brief.meta || {};
  const tokens = m.input_tokens !== undefined && m.input_tokens !== null ? ` · ${m.input_tokens} in / ${m.output_tokens} out tokens` : '';
  return h('p', { class: 'meta dim' }, `${m.model || '?'} · prompt ${m.prompt || '?'}${tokens}`);
}

// The left column for a brief; `pane` is the article pane it points into.
export function briefColumn(brief, pane) {
  const parts = [h('h1', { class: 'headline' }, brief.headline), h('p', { class: 'what' }, brief.what)];
  if (brief.who.length) parts.push(section('Who', chips(brief.who, pane, who, 'who')));
  if (brief.where.length) {
    parts.push(section('Where', chips(brief.where, pane, (p) => [h('strong', {}, p.name), ` (${p.kind}${p.within ? `, in ${p.within}` : ''})`], 'where')));
  }
  if (brief.when.length) {
    parts.push(section('When', chips(brief.when, pane, (w) => [h('strong', {}, w.text), ` ${w.date || 'no date'}`], 'when')));
  }
  if (brief.figures.length) parts.push(section(`Figures by source (${brief.figures.length})`, figuresBySource(brief.figures, pane)));
  if (brief.claims.length) {
    parts.push(section(`Claims (${brief.claims.length})`, h('div', { class: 'claims' }, brief.claims.map((c, i) => claimCard(c, i, pane)))));
  }
  if ((brief.disputes || []).length) parts.push(section('Disputes', disputes(brief, pane)));
  if ((brief.warnings || []).length) parts.push(section('Brief warnings', warningsBox(brief.warnings)));
  parts.push(meta(brief));
  return h('div', { class: 'brief-pane' }, parts);
}

// A brief and its article side by side.
export function briefSplit(brief, article, title) {
  const pane = new ArticlePane();
  pane.show(article, title);
  return h('div', { class: 'split' }, briefColumn(brief, pane), pane.el);
}

export function renderBrief(payload) {
  return h('div', { class: 'page brief-page' }, warningsBox(payload.warnings),
    briefSplit(payload.brief, payload.article, payload.title || 'Article'));
}
