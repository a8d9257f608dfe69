// The search page: all state lives in the URL (q, filters, page, open document, interface language), so a link
// reproduces what the reader saw and back/forward walk through it. Document text comes from the API already escaped
// (snippets carry only <mark>); everything else is inserted as text, never as HTML.
'use strict';

const LIST_FILTERS = ['person', 'place', 'org', 'lang'];
const SCALAR_FILTERS = ['dateFrom', 'dateTo', 'figureMin', 'figureMax', 'sort'];
const $ = id => document.getElementById(id);
let ui = 'en';
let lastResponse = null;

function t(key, ...args) {
  const value = (I18N[ui] ?? I18N.en)[key];
  return typeof value === 'function' ? value(...args) : value ?? key;
}

function fmt(n) {
  return new Intl.NumberFormat(ui === 'fa' ? 'fa-IR' : 'en-US').format(n);
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}

// ---- state <-> URL ----

function readState() {
  const p = new URLSearchParams(location.search);
  const state = { q: p.get('q') ?? '', page: Number(p.get('page') ?? 1) || 1, doc: p.get('doc'), ui: p.get('ui') };
  for (const f of LIST_FILTERS) state[f] = p.getAll(f);
  for (const f of SCALAR_FILTERS) state[f] = p.get(f);
  return state;
}

function query(state, { forApi = false } = {}) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of LIST_FILTERS) for (const v of state[f] ?? []) p.append(f, v);
  for (const f of SCALAR_FILTERS) if (state[f]) p.set(f, state[f]);
  if (state.page > 1) p.set('page', state.page);
  if (!forApi) {
    if (state.doc) p.set('doc', state.doc);
    if (state.ui) p.set('ui', state.ui);
  } else {
    p.set('facetSize', 12);
  }
  return p.toString();
}

function navigate(change, { resetPage = true } = {}) {
  const state = { ...readState(), ...change };
  if (resetPage && !('page' in change)) state.page = 1;
  history.pushState(null, '', '?' + query(state));
  render();
}

// ---- interface language ----

function applyInterfaceLanguage() {
  const state = readState();
  ui = state.ui ?? localStorage.getItem('ui') ?? (navigator.language?.startsWith('fa') ? 'fa' : 'en');
  document.documentElement.lang = ui;
  document.documentElement.dir = t('dir');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  const button = $('lang-switch');
  button.textContent = t('switchTo');
  button.lang = t('switchLang');
  button.setAttribute('aria-label', t('switchTo'));
}

// ---- rendering ----

async function render() {
  applyInterfaceLanguage();
  const state = readState();
  $('q').value = state.q;
  if (state.doc) {
    await renderDocument(state);
  } else {
    $('document').hidden = true;
    $('results').hidden = false;
    $('facets').hidden = false;
    await renderResults(state);
  }
}

async function api(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    return { error: t('unreachable') };
  }
  let body = null;
  try { body = await response.json(); } catch { /* not JSON */ }
  if (!response.ok) return { error: `${t('error')} ${body?.detail ?? body?.title ?? response.status}` };
  return { body };
}

async function renderResults(state) {
  const status = $('status');
  status.className = '';
  status.textContent = '…';
  const { body, error } = await api('/api/search?' + query(state, { forApi: true }));
  renderActiveFilters(state);
  if (error) {
    status.className = 'error';
    status.textContent = error;
    $('hits').replaceChildren();
    $('pager').replaceChildren();
    return;
  }
  lastResponse = body;
  if (body.total === 0) {
    status.replaceChildren(el('strong', { text: t('empty') }), el('ul', { class: 'hints' }, ...t('emptyHints').map(h => el('li', { text: h }))));
  } else {
    status.textContent = `${t('results', body.total)} · ${t('took', body.tookMs)}`;
  }
  $('hits').replaceChildren(...body.hits.map(hit => renderHit(hit, state)));
  $('hits').start = (body.page - 1) * body.pageSize + 1;
  renderPager(body, state);
  renderFacets(body.facets, state);
}

function dates(iso) {
  if (!iso) return null;
  const date = new Date(iso + 'T12:00:00Z');
  const gregorian = new Intl.DateTimeFormat(ui === 'fa' ? 'fa-IR-u-ca-gregory' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  const persian = new Intl.DateTimeFormat(ui === 'fa' ? 'fa-IR-u-ca-persian' : 'en-US-u-ca-persian', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  return `${gregorian} · ${persian}`;
}

function entityLabel(e) {
  return ui === 'fa' && e.labelFa ? e.labelFa : e.label;
}

function chip(dimension, value, label, extra = {}) {
  return el('button', {
    type: 'button', class: `chip ${dimension}`, dir: 'auto', title: label,
    onclick: () => addFilter(dimension, value, extra), text: label,
  });
}

function addFilter(dimension, value, extra) {
  const state = readState();
  if (dimension === 'date') return navigate({ dateFrom: extra.from, dateTo: extra.to, doc: null });
  if (dimension === 'figure') return navigate({ figureMin: String(extra.min), figureMax: String(extra.max), doc: null });
  if (!state[dimension].includes(value)) navigate({ [dimension]: [...state[dimension], value], doc: null });
  else navigate({ doc: null });
}

function isoOf(n) {
  const s = String(Math.trunc(n));
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

function renderHit(hit, state) {
  const link = el('a', { href: '?' + query({ ...state, doc: hit.id }), class: 'title', dir: 'auto', text: hit.title });
  link.addEventListener('click', e => { e.preventDefault(); navigate({ doc: hit.id }, { resetPage: false }); });
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'badge', lang: hit.language, text: t(hit.language) }),
    hit.published ? el('time', { datetime: hit.published, text: dates(hit.published) }) : null);
  const snippet = el('p', { class: 'snippet', dir: 'auto', lang: hit.language });
  snippet.innerHTML = hit.snippet; // escaped by the server; the only markup is <mark>
  const chips = el('div', { class: 'chips' },
    ...['person', 'place', 'org'].flatMap(d => hit.entities.filter(e => e.dimension === d)).slice(0, 10)
      .map(e => chip(e.dimension, e.value, entityLabel(e))),
    ...hit.entities.filter(e => e.dimension === 'figure').slice(0, 3)
      .map(e => chip('figure', e.value, e.label, { min: e.number, max: e.upper ?? e.number })));
  return el('li', { class: 'hit' }, link, meta, snippet, chips);
}

function renderPager(body, state) {
  const pages = Math.ceil(body.total / body.pageSize);
  const pager = $('pager');
  if (pages <= 1) { pager.replaceChildren(); return; }
  const button = (label, page, current = false) => el('button', {
    type: 'button', disabled: page < 1 || page > pages || current, 'aria-current': current ? 'page' : null,
    onclick: () => { navigate({ page }, { resetPage: false }); $('results').focus(); }, text: label,
  });
  const numbers = [];
  for (let p = Math.max(1, state.page - 2); p <= Math.min(pages, state.page + 2); p++) numbers.push(button(fmt(p), p, p === state.page));
  pager.replaceChildren(button(t('previous'), state.page - 1), ...numbers, button(t('next'), state.page + 1));
}

function renderActiveFilters(state) {
  const chips = [];
  const remove = (label, change) => chips.push(el('button', {
    type: 'button', class: 'active-filter', dir: 'auto', 'aria-label': `${t('remove')}: ${label}`,
    onclick: () => navigate(change), text: `${label} ✕`,
  }));
  for (const f of LIST_FILTERS) for (const v of state[f]) {
    remove(labelOf(f, v), { [f]: state[f].filter(x => x !== v) });
  }
  if (state.dateFrom || state.dateTo) remove(`${t('date')}: ${state.dateFrom ?? '…'} – ${state.dateTo ?? '…'}`, { dateFrom: null, dateTo: null });
  if (state.figureMin || state.figureMax) remove(`${t('figureFilter')}: ${state.figureMin ? fmt(state.figureMin) : '…'} – ${state.figureMax ? fmt(state.figureMax) : '…'}`, { figureMin: null, figureMax: null });
  $('active-filters').replaceChildren(...chips);
}

function labelOf(dimension, value) {
  const count = lastResponse?.facets?.[dimension]?.find(c => c.value === value);
  return count ? (ui === 'fa' && count.labelFa ? count.labelFa : count.label) : value;
}

function renderFacets(facets, state) {
  const panels = [];
  for (const dimension of ['person', 'place', 'org', 'lang']) {
    const counts = facets[dimension] ?? [];
    if (counts.length === 0 && state[dimension].length === 0) continue;
    const id = `facet-${dimension}`;
    const items = counts.map((c, i) => {
      const checkboxId = `${id}-${i}`;
      const checked = state[dimension].includes(c.value);
      const label = dimension === 'lang' ? t(c.value) : (ui === 'fa' && c.labelFa ? c.labelFa : c.label);
      return el('li', {},
        el('input', {
          type: 'checkbox', id: checkboxId, checked, 'data-value': c.value,
          onchange: e => navigate({ [dimension]: e.target.checked ? [...state[dimension], c.value] : state[dimension].filter(v => v !== c.value) }),
        }),
        el('label', { for: checkboxId, dir: 'auto' }, label, el('span', { class: 'count', text: fmt(c.count) })));
    });
    panels.push(el('section', { class: 'facet', id, 'aria-labelledby': id + '-h' },
      el('h2', { id: id + '-h', text: t(dimension) }), el('ul', {}, ...items)));
  }
  panels.push(renderDateFacet(facets, state));
  panels.push(renderFigureFacet(facets, state));
  $('facets').replaceChildren(...panels.filter(Boolean));
}

function renderDateFacet(facets, state) {
  const years = (facets.date ?? []).slice().sort((a, b) => a.value.localeCompare(b.value));
  if (years.length === 0) return null;
  const oneYear = state.dateFrom && state.dateTo && state.dateFrom.slice(0, 4) === state.dateTo.slice(0, 4) ? state.dateFrom.slice(0, 4) : null;
  const bars = oneYear
    ? (facets['date.month'] ?? []).filter(m => m.value.startsWith(oneYear)).sort((a, b) => a.value.localeCompare(b.value))
    : years;
  const max = Math.max(...bars.map(b => b.count), 1);
  const items = bars.map(b => el('li', {},
    el('button', {
      type: 'button', class: 'bar-button', 'aria-label': `${b.label}: ${fmt(b.count)}`,
      onclick: () => oneYear
        ? navigate({ dateFrom: `${b.value}-01`, dateTo: `${b.value}-${new Date(Date.UTC(+b.value.slice(0, 4), +b.value.slice(5, 7), 0)).getUTCDate()}` })
        : navigate({ dateFrom: b.value, dateTo: b.value }),
    }, el('span', { class: 'bar-label', text: oneYear ? b.value.slice(5, 7) : fmt(Number(b.value)).replace(/[,٬]/g, '') }),
       el('span', { class: 'bar', style: `inline-size:${Math.max(4, 100 * b.count / max)}%` }),
       el('span', { class: 'count', text: fmt(b.count) }))));
  return el('section', { class: 'facet', id: 'facet-date', 'aria-labelledby': 'facet-date-h' },
    el('h2', { id: 'facet-date-h', text: oneYear ? `${t('months')} ${oneYear}` : t('date') }),
    el('ol', { class: 'histogram' }, ...items));
}

function renderFigureFacet(facets, state) {
  const ranges = (facets.figure ?? []).slice().sort((a, b) => Number(a.value.split('-')[0]) - Number(b.value.split('-')[0]));
  const values = (facets['figure.value'] ?? []).slice(0, 8);
  if (ranges.length === 0) return null;
  const rangeItems = ranges.map(r => {
    const [min, max] = r.value.split('-').map(Number);
    return el('li', {}, el('button', {
      type: 'button', class: 'link', 'aria-pressed': String(state.figureMin === String(min) && state.figureMax === String(max)),
      onclick: () => navigate({ figureMin: String(min), figureMax: String(max) }),
    }, `${fmt(min)} – ${fmt(max)}`, el('span', { class: 'count', text: fmt(r.count) })));
  });
  const valueItems = values.map(v => {
    const [min, max] = v.value.split('-').map(Number);
    return el('li', {}, el('button', {
      type: 'button', class: 'link', dir: 'auto', onclick: () => navigate({ figureMin: String(min), figureMax: String(max ?? min) }),
    }, v.label, el('span', { class: 'count', text: fmt(v.count) })));
  });
  return el('section', { class: 'facet', id: 'facet-figure', 'aria-labelledby': 'facet-figure-h' },
    el('h2', { id: 'facet-figure-h', text: t('figure') }),
    el('h3', { text: t('ranges') }), el('ul', {}, ...rangeItems),
    el('h3', { text: t('values') }), el('ul', { class: 'figure-values' }, ...valueItems));
}

async function renderDocument(state) {
  const view = $('document');
  $('results').hidden = true;
  $('facets').hidden = true;
  view.hidden = false;
  view.replaceChildren(el('p', { text: '…' }));
  const { body, error } = await api('/api/documents/' + encodeURIComponent(state.doc));
  if (error) {
    view.replaceChildren(el('p', { class: 'error', text: error }), backLink());
    return;
  }
  const permalink = location.origin + location.pathname + '?doc=' + encodeURIComponent(body.id);
  const entities = body.entities.filter(e => ['person', 'place', 'org', 'date', 'figure'].includes(e.kind));
  const chips = [];
  const seen = new Set();
  for (const e of entities) {
    const key = e.kind + ':' + e.value;
    if (seen.has(key) || !['person', 'place', 'org'].includes(e.kind)) continue;
    seen.add(key);
    chips.push(chip(e.kind, e.value, entityLabel(e)));
  }
  view.replaceChildren(
    backLink(),
    el('h2', { dir: 'auto', lang: body.language, text: body.title }),
    el('div', { class: 'meta' },
      el('span', { class: 'badge', text: t(body.language) }),
      body.published ? el('time', { datetime: body.published, text: `${t('published')}: ${dates(body.published)}` }) : null,
      body.byline ? el('span', { dir: 'auto', text: `${t('byline')}: ${body.byline}` }) : null,
      el('a', { href: permalink, class: 'permalink', text: t('permalink') })),
    el('h3', { text: t('entities') }),
    el('div', { class: 'chips' }, ...chips),
    el('div', { class: 'full-text', lang: body.language }, ...paragraphs(body.text, entities)));
  view.focus();
}

/**
 * The document text as paragraphs, each with its own direction (a Persian date line above English text stays
 * right-to-left while the English runs left-to-right), each entity mention wrapped in a <mark> naming its kind.
 * Offsets are UTF-16 positions in the whole text, as the API gives them.
 */
function paragraphs(text, entities) {
  const sorted = entities.slice().sort((a, b) => a.start - b.start);
  const blocks = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    if (line.trim()) {
      const nodes = [];
      let at = lineStart;
      for (const e of sorted) {
        if (e.start < at || e.end > lineEnd) continue;
        nodes.push(document.createTextNode(text.slice(at, e.start)));
        nodes.push(el('mark', { class: `entity ${e.kind}`, title: `${t(e.kind)}: ${entityLabel(e)}`, text: text.slice(e.start, e.end) }));
        at = e.end;
      }
      nodes.push(document.createTextNode(text.slice(at, lineEnd)));
      blocks.push(el('p', { dir: 'auto' }, ...nodes));
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}

function backLink() {
  return el('button', { type: 'button', class: 'link back', onclick: () => navigate({ doc: null }, { resetPage: false }), text: t('back') });
}

// ---- suggestions and keyboard ----

let suggestTimer = null;
let activeSuggestion = -1;

function closeSuggestions() {
  $('suggestions').hidden = true;
  $('q').setAttribute('aria-expanded', 'false');
  activeSuggestion = -1;
}

async function suggest() {
  const text = $('q').value.trim();
  const word = text.split(/\s+/).pop();
  if (!word || word.length < 2 || /[:"()*~]/.test(word)) { closeSuggestions(); return; }
  const { body } = await api('/api/suggest?limit=8&q=' + encodeURIComponent(word));
  if (!body || body.length === 0 || $('q').value.trim() !== text) { closeSuggestions(); return; }
  const list = $('suggestions');
  list.replaceChildren(...body.map((s, i) => el('li', {
    role: 'option', id: `suggestion-${i}`, dir: 'auto', 'data-kind': s.kind,
    onmousedown: e => { e.preventDefault(); acceptSuggestion(s); },
  }, s.text, el('span', { class: 'kind', text: t(s.kind) }))));
  list.hidden = false;
  $('q').setAttribute('aria-expanded', 'true');
  list.suggestions = body;
}

function acceptSuggestion(s) {
  closeSuggestions();
  if (s.kind === 'term') {
    const words = $('q').value.trim().split(/\s+/);
    words[words.length - 1] = s.text;
    navigate({ q: words.join(' ') });
  } else {
    const words = $('q').value.trim().split(/\s+/).slice(0, -1);
    navigate({ q: words.join(' '), [s.kind]: [...readState()[s.kind], s.value] });
  }
}

$('q').addEventListener('input', () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 150); });
$('q').addEventListener('keydown', e => {
  const list = $('suggestions');
  if (list.hidden) return;
  const items = [...list.children];
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    activeSuggestion = (activeSuggestion + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === activeSuggestion)));
    $('q').setAttribute('aria-activedescendant', items[activeSuggestion].id);
  } else if (e.key === 'Enter' && activeSuggestion >= 0) {
    e.preventDefault();
    acceptSuggestion(list.suggestions[activeSuggestion]);
  } else if (e.key === 'Escape') {
    closeSuggestions();
  }
});
$('q').addEventListener('blur', () => setTimeout(closeSuggestions, 100));

$('search-form').addEventListener('submit', e => {
  e.preventDefault();
  closeSuggestions();
  navigate({ q: $('q').value.trim(), doc: null });
});

$('help-button').addEventListener('click', () => {
  const help = $('syntax-help');
  help.hidden = !help.hidden;
  $('help-button').setAttribute('aria-expanded', String(!help.hidden));
});

$('lang-switch').addEventListener('click', () => {
  const next = ui === 'fa' ? 'en' : 'fa';
  localStorage.setItem('ui', next);
  navigate({ ui: next }, { resetPage: false });
});

document.addEventListener('keydown', e => {
  if (e.key === '/' && document.activeElement !== $('q')) { e.preventDefault(); $('q').focus(); }
  if (e.key === 'Escape') { $('syntax-help').hidden = true; $('help-button').setAttribute('aria-expanded', 'false'); }
});

window.addEventListener('popstate', render);
render();
