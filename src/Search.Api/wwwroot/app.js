// A small page over GET /api/search. All document text arrives escaped by the server; snippets carry only <mark>.
const form = document.getElementById('search-form');
const input = document.getElementById('q');
const statusLine = document.getElementById('status');
const hitList = document.getElementById('hits');
const facetPanel = document.getElementById('facets');

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', lang: params.getAll('lang') };
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const l of state.lang) params.append('lang', l);
  return params.toString();
}

async function run(state) {
  input.value = state.q;
  statusLine.textContent = 'Searching…';
  statusLine.className = '';
  let response;
  try {
    response = await fetch('/api/search?' + urlFor(state));
  } catch (e) {
    statusLine.textContent = 'The service did not answer: ' + e.message;
    statusLine.className = 'error';
    return;
  }
  const body = await response.json();
  if (!response.ok) {
    statusLine.textContent = body.detail ?? body.title ?? ('Error ' + response.status);
    statusLine.className = 'error';
    hitList.replaceChildren();
    return;
  }
  statusLine.textContent = body.total === 0
    ? 'No documents match. Try fewer words, or another spelling.'
    : `${body.total} document${body.total === 1 ? '' : 's'} (${body.tookMs} ms)`;
  hitList.replaceChildren(...body.hits.map(renderHit));
  renderFacets(body.facets, state);
}

function renderHit(hit) {
  const li = document.createElement('li');
  const title = document.createElement('div');
  title.className = 'title';
  title.dir = 'auto';
  title.textContent = hit.title;
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = [hit.language, hit.published].filter(Boolean).join(' · ');
  const snippet = document.createElement('p');
  snippet.dir = 'auto';
  snippet.innerHTML = hit.snippet; // escaped by the server, marks only
  li.append(title, meta, snippet);
  return li;
}

function renderFacets(facets, state) {
  facetPanel.replaceChildren();
  for (const [dimension, counts] of Object.entries(facets)) {
    if (counts.length === 0) continue;
    const box = document.createElement('div');
    box.className = 'facet';
    const heading = document.createElement('h2');
    heading.textContent = dimension;
    box.append(heading);
    for (const c of counts) {
      const label = document.createElement('label');
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.checked = dimension === 'lang' && state.lang.includes(c.value);
      check.disabled = dimension !== 'lang';
      check.addEventListener('change', () => {
        const lang = check.checked ? [...state.lang, c.value] : state.lang.filter(v => v !== c.value);
        navigate({ ...state, lang });
      });
      label.append(check, ` ${c.label} (${c.count})`);
      box.append(label);
    }
    facetPanel.append(box);
  }
}

function navigate(state) {
  history.pushState(null, '', '?' + urlFor(state));
  run(state);
}

form.addEventListener('submit', e => {
  e.preventDefault();
  navigate({ ...stateFromUrl(), q: input.value.trim() });
});
window.addEventListener('popstate', () => run(stateFromUrl()));
run(stateFromUrl());
