// Entry point: fetch what the server shows, then draw the page the address names (#/ or #/case/RUN/ID).

import { renderBrief } from './brief.js';
import { h } from './dom.js';
import { renderCase, renderCompare, renderRun } from './run.js';
import { renderStory } from './story.js';

const app = document.getElementById('app');
const PAGES = { brief: renderBrief, story: renderStory, run: renderRun, compare: renderCompare };
let main = null;

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

async function route() {
  delete document.body.dataset.ready;
  try {
    if (!main) {
      main = await getJSON('/api/view');
      document.getElementById('label').textContent = main.label || '';
    }
    const match = location.hash.match(/^#\/case\/(\d)\/(.*)$/);
    let page;
    if (match) {
      const id = decodeURIComponent(match[2]);
      page = renderCase(await getJSON(`/api/case?run=${match[1]}&id=${encodeURIComponent(id)}`), Number(match[1]));
      document.title = `${id} · summarizer view`;
    } else {
      page = PAGES[main.kind](main);
      document.title = `${main.kind} · summarizer view`;
    }
    app.replaceChildren(page);
    window.scrollTo(0, 0);
    document.body.dataset.ready = match ? 'case' : main.kind;
  } catch (err) {
    app.replaceChildren(h('p', { class: 'error' }, `Cannot show this page: ${err.message}`));
    document.body.dataset.ready = 'error';
  }
}

window.addEventListener('hashchange', route);
route();
