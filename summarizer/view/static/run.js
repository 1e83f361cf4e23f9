// Eval runs: one run's cases worst first, one case's brief against its reference, and two runs compared.

import { briefSplit } from './brief.js';
import { caseLink, h, score, section, signed, trend, warningsBox } from './dom.js';

const CASE_COLUMNS = ['who.f1', 'where.f1', 'when.f1', 'figures.f1', 'claims.f1', 'what.similarity'];

function runHeader(run, tag) {
  return h('div', { class: 'run-header' },
    h('h1', {}, tag ? `${tag}: ` : '', run.run_id || run.label),
    h('p', { class: 'dim' }, `${run.model || '?'} · prompt ${run.prompt || '?'} · suite ${run.suite || '?'} · `
      + `${run.cases ?? '?'} cases, ${run.errors ?? 0} errors`));
}

function scoreTable(scores) {
  return h('table', { class: 'scores' }, h('tbody', {}, Object.entries(scores).map(([name, value]) =>
    h('tr', {}, h('th', {}, name), h('td', { class: 'num' }, score(value))))));
}

function weakest(scores) {
  const known = Object.entries(scores).filter(([, v]) => v !== null && v !== undefined);
  if (!known.length) return '';
  const [name, value] = known.reduce((a, b) => (b[1] < a[1] ? b : a));
  return `${name} ${score(value)}`;
}

export function renderRun(payload) {
  const rows = payload.cases.map((c, rank) => h('tr', { data: { case: c.id }, class: c.error ? 'errored' : '' },
    h('td', { class: 'num dim' }, String(rank + 1)), h('td', {}, caseLink(0, c.id, c.id)),
    h('td', { class: 'num strong' }, score(c.mean)), h('td', {}, c.error || weakest(c.scores)),
    CASE_COLUMNS.map((name) => h('td', { class: 'num' }, score(c.scores[name])))));
  return h('div', { class: 'page run-page' }, runHeader(payload.run),
    h('div', { class: 'two-columns' },
      section('Cases, worst first', h('table', { class: 'cases' },
        h('thead', {}, h('tr', {}, ['#', 'case', 'mean', 'error or weakest field', ...CASE_COLUMNS].map((c) => h('th', {}, c)))),
        h('tbody', { id: 'cases' }, rows))),
      section('Scores', scoreTable(payload.run.scores))));
}

function itemLabel(item) {
  if (typeof item !== 'object' || item === null) return String(item);
  if (item.statement) return `${item.source || '?'}: ${item.statement}`;
  if (item.counts) return `${item.value ?? (item.values || []).join(', ')} ${item.counts}${item.source ? ` (${item.source})` : ''}`;
  return item.name || item.date || item.text || JSON.stringify(item);
}

function detailsTable(details) {
  const list = (items, cls, mark) => h('ul', { class: `marks ${cls}` }, (items || []).map((t) => h('li', {}, `${mark} ${t}`)));
  return h('table', { class: 'details' },
    h('thead', {}, h('tr', {}, ['field', 'hits (brief ~ reference)', 'misses (in the reference only)', 'extras (in the brief only)'].map((c) => h('th', {}, c)))),
    h('tbody', {}, Object.entries(details).map(([name, d]) => h('tr', { data: { field: name } },
      h('th', {}, name, h('div', { class: 'dim small' }, d.reason || '')),
      h('td', {}, list(d.hits, 'hit', '✓')), h('td', {}, list(d.misses, 'miss', '✗')), h('td', {}, list(d.extras, 'extra', '+'))))));
}

function referenceBlock(reference) {
  return h('details', { class: 'reference' }, h('summary', {}, 'The reference'),
    Object.entries(reference).map(([name, value]) => h('div', {}, h('h3', {}, name),
      Array.isArray(value) ? h('ul', {}, value.map((v) => h('li', {}, itemLabel(v)))) : h('p', {}, String(value)))));
}

export function renderCase(payload, run) {
  const parts = [h('p', {}, h('a', { href: '#/' }, '← all cases')),
    h('h1', {}, `Case ${payload.id}`, h('span', { class: 'dim' }, ` · mean ${score(payload.mean)}`))];
  if (payload.error) parts.push(h('p', { class: 'error' }, payload.error));
  parts.push(h('div', { class: 'two-columns' }, section('Hits and misses', detailsTable(payload.details)),
    section('Scores', scoreTable(payload.scores))));
  parts.push(referenceBlock(payload.reference), warningsBox(payload.warnings));
  if (payload.brief) parts.push(briefSplit(payload.brief, payload.article, `Article of ${payload.id}`));
  return h('div', { class: 'page case-page', data: { run: String(run) } }, parts);
}

export function renderCompare(payload) {
  const fieldRows = payload.fields.map((f) => h('tr', { data: { field: f.field } }, h('th', {}, f.field),
    h('td', { class: 'num' }, score(f.a)), h('td', { class: 'num' }, score(f.b)),
    h('td', { class: `num ${trend(f.delta)}` }, signed(f.delta)),
    h('td', { class: f.better ? 'num up' : 'num dim' }, f.better), h('td', { class: f.worse ? 'num down' : 'num dim' }, f.worse),
    h('td', { class: 'num dim' }, f.same)));
  const caseRows = payload.cases.map((c) => h('tr', { data: { case: c.id } }, h('td', {}, c.id),
    h('td', { class: 'num' }, caseLink(0, c.id, score(c.a))), h('td', { class: 'num' }, caseLink(1, c.id, score(c.b))),
    h('td', { class: `num ${trend(c.delta)}` }, signed(c.delta)),
    h('td', { class: 'small' }, Object.entries(c.moved).map(([name, [a, b]]) =>
      h('span', { class: `move ${trend(b - a)}` }, `${name} ${score(a)}→${score(b)}`)))));
  const only = (ids, tag) => (ids.length ? h('p', { class: 'warnings' }, `Only in ${tag}: ${ids.join(', ')}`) : null);
  return h('div', { class: 'page compare-page' },
    h('div', { class: 'two-columns' }, runHeader(payload.a, 'A'), runHeader(payload.b, 'B')),
    section('Fields (B − A; cases better, worse, same)', h('table', { class: 'fields' },
      h('thead', {}, h('tr', {}, ['field', 'A', 'B', 'Δ', 'better', 'worse', 'same'].map((c) => h('th', {}, c)))),
      h('tbody', {}, fieldRows))),
    section('Cases, biggest drop first', only(payload.only_a, 'A'), only(payload.only_b, 'B'),
      h('table', { class: 'cases' },
        h('thead', {}, h('tr', {}, ['case', 'A', 'B', 'Δ mean', 'fields that moved'].map((c) => h('th', {}, c)))),
        h('tbody', { id: 'cases' }, caseRows))));
}
