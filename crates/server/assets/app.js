// annalist web front end: plain JavaScript, no build step.
//
// Security: every string that comes from the API (article text, titles, names,
// quotes, URLs) is untrusted. The DOM is built only with createElement,
// textContent and setAttribute on safe attributes; links to the outside are made
// only for http(s) URLs. Nothing here uses innerHTML, eval or inline handlers, so
// the page runs under `default-src 'self'` (see README.md).
'use strict';

(() => {
  // ---------------------------------------------------------------- constants

  const FILTER_KEYS = ['q', 'actor', 'source', 'target', 'dyad', 'code', 'root', 'quad', 'modality', 'from', 'to', 'place'];
  const UPPER_KEYS = new Set(['actor', 'source', 'target', 'dyad']);
  const MORE_KEYS = ['source', 'target', 'code', 'modality', 'place'];
  const EVENTS_PAGE = 100;
  const DOCS_PAGE = 20;
  const MENTIONS_SHOWN = 4;
  const MAX_FILLED_DAYS = 3660; // fill gaps between days up to ten years; beyond, bars only for days with events

  const QUADS = [
    { n: 1, label: 'Verbal cooperation', color: '#74c476' },
    { n: 2, label: 'Material cooperation', color: '#1b7837' },
    { n: 3, label: 'Verbal conflict', color: '#fdae61' },
    { n: 4, label: 'Material conflict', color: '#d7301f' },
  ];
  const ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT']);

  // ------------------------------------------------------------------ helpers

  const $ = (id) => document.getElementById(id);

  /** Text of a value for display; null/undefined become the fallback. */
  function str(v, fallback = '') {
    if (v === null || v === undefined) return fallback;
    return String(v);
  }

  function isObj(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  function arr(v) {
    return Array.isArray(v) ? v : [];
  }

  function num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  function fmtNum(v, digits = 1) {
    const n = num(v);
    return n === null ? '–' : n.toFixed(digits);
  }

  /** The URL as a string if it is an absolute http(s) URL, else null. */
  function safeHttpUrl(u) {
    if (typeof u !== 'string') return null;
    const t = u.trim();
    if (!/^https?:\/\//i.test(t)) return null;
    try {
      const parsed = new URL(t);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
      return parsed.href;
    } catch (_) {
      return null;
    }
  }

  /** A CSS class token made of safe characters only (classList throws on spaces). */
  function classToken(v, fallback) {
    const t = str(v).replace(/[^A-Za-z0-9_-]/g, '');
    return t || fallback;
  }

  /**
   * Create an element. props: className, text, title, href (internal "#/..." or
   * http(s) only), data (dataset object), id, type, attrs (extra safe attributes).
   */
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      if (props.className) e.className = props.className;
      if (props.id) e.id = props.id;
      if (props.text !== undefined && props.text !== null) e.textContent = String(props.text);
      if (props.title !== undefined && props.title !== null && props.title !== '') e.title = String(props.title);
      if (props.type) e.type = props.type;
      if (props.href !== undefined) {
        const h = String(props.href);
        if (h.startsWith('#/')) {
          e.setAttribute('href', h);
        } else {
          const u = safeHttpUrl(h);
          if (u) {
            e.setAttribute('href', u);
            e.setAttribute('rel', 'noopener noreferrer nofollow');
            e.setAttribute('target', '_blank');
          }
        }
      }
      if (props.data) {
        for (const [k, v] of Object.entries(props.data)) {
          if (v !== undefined && v !== null) e.dataset[k] = String(v);
        }
      }
      if (props.attrs) {
        for (const [k, v] of Object.entries(props.attrs)) e.setAttribute(k, String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function clear(node) {
    node.replaceChildren();
  }

  /** Encode a query value; commas and colons are left readable (e.g. dyad=CHN,RUS). */
  function enc(v) {
    return encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  }

  function queryString(params) {
    const parts = [];
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null || v === '') continue;
      parts.push(enc(k) + '=' + enc(String(v)));
    }
    return parts.join('&');
  }

  function docHref(id, ev) {
    let h = '#/doc/' + encodeURIComponent(str(id));
    if (ev !== undefined && ev !== null) h += '?ev=' + encodeURIComponent(String(ev));
    return h;
  }

  function searchHref(filters) {
    // Always the same key order, so one search has one address.
    const ordered = {};
    for (const k of FILTER_KEYS) if (filters[k]) ordered[k] = filters[k];
    const qs = queryString(ordered);
    return '#/search' + (qs ? '?' + qs : '');
  }

  // ------------------------------------------------------------------ status

  function setStatus(message, kind) {
    const s = $('status');
    s.textContent = message || '';
    s.className = 'status' + (kind ? ' ' + kind : '');
  }

  function setReady() {
    document.body.dataset.ready = '1';
  }

  function unsetReady() {
    delete document.body.dataset.ready;
  }

  // --------------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, params) {
    const qs = params ? queryString(params) : '';
    const url = path + (qs ? '?' + qs : '');
    let resp;
    try {
      resp = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new ApiError('API unreachable: ' + (e && e.message ? e.message : e), 0);
    }
    let body = null;
    try {
      body = await resp.json();
    } catch (_) {
      body = null;
    }
    if (!resp.ok) {
      const msg = isObj(body) && typeof body.error === 'string' ? body.error : resp.statusText || 'request failed';
      throw new ApiError('API error ' + resp.status + ': ' + msg, resp.status);
    }
    if (!isObj(body)) throw new ApiError('API error: ' + path + ' did not answer with a JSON object', resp.status);
    return body;
  }

  // ------------------------------------------------------------------ routing

  let renderToken = 0;
  let lastSearchHash = '#/search';
  let lastRenderedSearch = null; // query string of the search currently drawn
  let renderedDocId = null;
  let currentFilters = {};

  function parseHash() {
    let h = location.hash.replace(/^#/, '');
    const qi = h.indexOf('?');
    const path = qi < 0 ? h : h.slice(0, qi);
    const params = new URLSearchParams(qi < 0 ? '' : h.slice(qi + 1));
    if (path === '' || path === '/' || path === '/search') return { view: 'search', params };
    const m = /^\/doc\/([^/?]+)$/.exec(path);
    if (m) {
      let id;
      try {
        id = decodeURIComponent(m[1]);
      } catch (_) {
        return { view: 'unknown' };
      }
      return { view: 'doc', id, params };
    }
    return { view: 'unknown' };
  }

  function filtersFrom(params) {
    const f = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v !== null && v.trim() !== '') f[k] = v.trim();
    }
    return f;
  }

  function showView(name) {
    for (const v of ['search', 'article', 'notfound']) $(v + '-view').hidden = v !== name;
  }

  async function route(force = false) {
    const token = ++renderToken;
    unsetReady();
    const r = parseHash();
    try {
      if (r.view === 'search') {
        await renderSearch(r.params, token, force);
      } else if (r.view === 'doc') {
        await renderDoc(r.id, r.params, token);
      } else {
        showView('notfound');
        setStatus('Unknown address: ' + location.hash, 'error');
      }
    } catch (e) {
      if (token !== renderToken) return;
      setStatus(e && e.message ? e.message : String(e), 'error');
    }
    if (token === renderToken) setReady();
  }

  // ----------------------------------------------------------------- the form

  function fillForm(filters) {
    const form = $('search-form');
    for (const k of FILTER_KEYS) {
      const input = form.elements.namedItem(k);
      if (input) input.value = filters[k] || '';
    }
    if (MORE_KEYS.some((k) => filters[k])) $('more-filters').open = true;
  }

  function readForm() {
    const form = $('search-form');
    const f = {};
    for (const k of FILTER_KEYS) {
      const input = form.elements.namedItem(k);
      if (!input) continue;
      let v = input.value.trim();
      if (UPPER_KEYS.has(k)) v = v.toUpperCase().replace(/\s+/g, '');
      if (v) f[k] = v;
    }
    return f;
  }

  function navigateSearch(filters) {
    const h = searchHref(filters);
    if (location.hash === h) route(true);
    else location.hash = h;
  }

  // ------------------------------------------------------------- search view

  let chart = null;
  let cy = null;
  let eventsShown = 0;
  let eventsTotal = 0;
  let docsShown = 0;
  let docsTotal = 0;

  async function renderSearch(params, token, force) {
    const filters = filtersFrom(params);
    const qs = queryString(filters);
    lastSearchHash = searchHref(filters);
    $('back-link').setAttribute('href', lastSearchHash);
    document.title = 'annalist';
    fillForm(filters);
    showView('search');

    if (!force && lastRenderedSearch === qs) {
      // Back from an article to the same search: it is already drawn.
      if (chart) chart.resize();
      if (cy) {
        cy.resize();
        cy.fit(undefined, 24);
      }
      setStatus('');
      return;
    }
    currentFilters = filters;
    setStatus('Loading…', 'info');

    const [evR, seR, grR, docR] = await Promise.allSettled([
      api('/api/events', { ...filters, limit: EVENTS_PAGE }),
      api('/api/series', filters),
      api('/api/graph', filters),
      api('/api/documents', { q: filters.q, limit: DOCS_PAGE }),
    ]);
    if (token !== renderToken) return;

    const errors = [];
    const take = (r) => {
      if (r.status === 'fulfilled') return r.value;
      const msg = r.reason && r.reason.message ? r.reason.message : String(r.reason);
      if (!errors.includes(msg)) errors.push(msg);
      return null;
    };
    const ev = take(evR);
    const se = take(seR);
    const gr = take(grR);
    const docs = take(docR);

    const steps = [
      () => drawEvents(ev, false),
      () => drawTimeline(se),
      () => drawGraph(gr),
      () => drawDocuments(docs, false),
    ];
    for (const step of steps) {
      try {
        step();
      } catch (e) {
        errors.push('display error: ' + (e && e.message ? e.message : e));
      }
    }
    lastRenderedSearch = errors.length ? null : qs;
    setStatus(errors.join(' · '), errors.length ? 'error' : '');
  }

  function describeFilters(f) {
    const parts = [];
    for (const k of FILTER_KEYS) if (f[k]) parts.push(k + '=' + f[k]);
    return parts.join(', ');
  }

  // Events list ---------------------------------------------------------------

  function drawEvents(data, append) {
    const list = $('events');
    if (!append) {
      clear(list);
      eventsShown = 0;
      eventsTotal = 0;
    }
    if (!data) {
      list.append(el('li', { className: 'empty', text: 'Could not load the events.' }));
      $('events-info').textContent = '';
      $('events-more').hidden = true;
      return;
    }
    const events = arr(data.events);
    eventsTotal = num(data.total) ?? events.length;
    for (const e of events) {
      if (isObj(e)) list.append(eventRow(e));
    }
    eventsShown += events.length;
    if (eventsShown === 0) {
      const what = describeFilters(currentFilters);
      list.append(el('li', { className: 'empty', text: what ? 'No events for ' + what + '.' : 'No events.' }));
    }
    $('events-info').textContent = eventsTotal
      ? `${eventsShown.toLocaleString()} of ${eventsTotal.toLocaleString()}`
      : '';
    $('events-more').hidden = !(eventsShown < eventsTotal && events.length > 0);
  }

  function actorBlock(side) {
    const a = isObj(side) ? side : {};
    const code = str(a.actor);
    const wrap = el('span', { className: 'actor' });
    if (code) {
      wrap.append(
        el('a', { className: 'code', href: searchHref({ actor: code }), text: code, title: 'Filter by actor ' + code })
      );
    } else {
      wrap.append(el('span', { className: 'code none', text: '—', title: 'no actor code' }));
    }
    if (a.name) wrap.append(' ', el('span', { className: 'name', text: str(a.name) }));
    return wrap;
  }

  function quadBadge(q) {
    const quad = QUADS.find((x) => x.n === q);
    return el('span', {
      className: 'quad q' + (quad ? quad.n : 0),
      text: quad ? 'Q' + quad.n : 'Q?',
      title: quad ? quad.label : 'unknown quad class',
    });
  }

  function eventRow(e) {
    const src = isObj(e.source) ? e.source : {};
    const tgt = isObj(e.target) ? e.target : {};
    const li = el('li', {
      className: 'event',
      data: {
        code: str(e.code),
        source: str(src.actor),
        target: str(tgt.actor),
        id: e.id,
      },
    });

    const date = str(e.day) || str(e.date) || '—';
    const head = el(
      'div',
      { className: 'ev-head' },
      el('span', { className: 'date', text: date, title: e.date && e.date !== e.day ? 'date in the text: ' + e.date : '' }),
      actorBlock(src),
      el('span', { className: 'arrow', text: '→' }),
      actorBlock(tgt)
    );

    const what = el(
      'div',
      { className: 'ev-what' },
      el('a', { className: 'cameo', href: searchHref({ code: str(e.code) }), text: str(e.code, '—'), title: 'Filter by CAMEO code' }),
      ' ',
      el('span', { className: 'label', text: str(e.label) })
    );

    const place = isObj(e.place) && e.place.name ? e.place : null;
    const facts = el(
      'div',
      { className: 'ev-facts' },
      quadBadge(e.quad),
      el('span', { className: 'goldstein', text: 'Goldstein ' + fmtNum(e.goldstein), title: 'Goldstein scale, −10 … +10' }),
      e.modality ? el('span', { className: 'modality m-' + classToken(e.modality, 'x'), text: str(e.modality) }) : null,
      el('span', {
        className: 'counts',
        text: `${str(e.num_articles, '?')} article${e.num_articles === 1 ? '' : 's'} / ${str(e.num_sources, '?')} source${
          e.num_sources === 1 ? '' : 's'
        }`,
        title: `${str(e.num_mentions, '?')} mentions`,
      }),
      place ? el('span', { className: 'place', text: '@ ' + str(place.name) + (place.country ? ' (' + place.country + ')' : '') }) : null
    );

    const mentions = arr(e.mentions).filter(isObj);
    const ev = el('div', { className: 'ev-evidence' });
    if (mentions.length) {
      const first = mentions[0];
      if (first.sentence) ev.append(el('q', { className: 'sentence', text: str(first.sentence) }));
      const links = el('span', { className: 'links' }, 'evidence: ');
      const more = el('details', { className: 'more-links' });
      mentions.forEach((m, i) => {
        const label = str(m.site) || str(m.title) || 'document ' + (i + 1);
        const a = el('a', {
          className: 'evidence-link',
          href: docHref(m.doc, num(m.event) ?? 0),
          text: label,
          title: [str(m.title), str(m.sentence)].filter(Boolean).join('\n'),
        });
        if (i < MENTIONS_SHOWN) {
          if (i > 0) links.append(' · ');
          links.append(a);
        } else {
          if (!more.firstChild) more.append(el('summary', { text: `+${mentions.length - MENTIONS_SHOWN} more` }));
          more.append(a, ' ');
        }
      });
      ev.append(links);
      if (more.firstChild) ev.append(more);
    }
    li.append(head, what, facts, ev);
    return li;
  }

  async function loadMoreEvents() {
    const token = renderToken;
    const btn = $('events-more');
    btn.disabled = true;
    try {
      const data = await api('/api/events', { ...currentFilters, limit: EVENTS_PAGE, offset: eventsShown });
      if (token === renderToken) drawEvents(data, true);
    } catch (e) {
      setStatus(e.message, 'error');
    } finally {
      btn.disabled = false;
    }
  }

  // Documents list ------------------------------------------------------------

  function drawDocuments(data, append) {
    const list = $('documents');
    if (!append) {
      clear(list);
      docsShown = 0;
    }
    if (!data) {
      list.append(el('li', { className: 'empty', text: 'Could not load the documents.' }));
      $('documents-info').textContent = '';
      $('documents-more').hidden = true;
      return;
    }
    const docs = arr(data.documents);
    docsTotal = num(data.total) ?? docs.length;
    for (const d of docs) {
      if (!isObj(d)) continue;
      const title = str(d.title) || str(d.url) || str(d.id);
      const li = el(
        'li',
        { className: 'document', data: { id: str(d.id) } },
        el('a', { className: 'doc-title', href: docHref(d.id), text: title }),
        el(
          'div',
          { className: 'doc-meta' },
          d.site ? el('span', { className: 'site', text: str(d.site) }) : null,
          d.published ? el('span', { className: 'published', text: str(d.published) }) : null,
          d.story !== null && d.story !== undefined ? el('span', { className: 'story', text: 'story ' + d.story }) : null
        ),
        d.snippet ? el('p', { className: 'snippet', text: str(d.snippet) }) : null
      );
      list.append(li);
    }
    docsShown += docs.length;
    if (docsShown === 0) {
      list.append(el('li', { className: 'empty', text: currentFilters.q ? 'No documents match “' + currentFilters.q + '”.' : 'No documents.' }));
    }
    $('documents-info').textContent = docsTotal
      ? (currentFilters.q ? 'matching: ' : 'latest: ') + `${docsShown.toLocaleString()} of ${docsTotal.toLocaleString()}`
      : '';
    $('documents-more').hidden = !(docsShown < docsTotal && docs.length > 0);
  }

  async function loadMoreDocuments() {
    const token = renderToken;
    const btn = $('documents-more');
    btn.disabled = true;
    try {
      const data = await api('/api/documents', { q: currentFilters.q, limit: DOCS_PAGE, offset: docsShown });
      if (token === renderToken) drawDocuments(data, true);
    } catch (e) {
      setStatus(e.message, 'error');
    } finally {
      btn.disabled = false;
    }
  }

  // Timeline ------------------------------------------------------------------

  const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

  function dayNumber(day) {
    const m = DAY_RE.exec(day);
    if (!m) return null;
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return Number.isFinite(t) ? Math.round(t / 86400000) : null;
  }

  function dayString(n) {
    return new Date(n * 86400000).toISOString().slice(0, 10);
  }

  /** Labels and one data array per quad, gaps between days filled with zeros. */
  function seriesData(days) {
    const rows = arr(days).filter((d) => isObj(d) && typeof d.day === 'string');
    const byDay = new Map();
    for (const r of rows) {
      const q = arr(r.quad);
      const prev = byDay.get(r.day) || [0, 0, 0, 0];
      byDay.set(r.day, prev.map((v, i) => v + (num(q[i]) || 0)));
    }
    let labels = [...byDay.keys()].sort();
    const nums = labels.map(dayNumber);
    if (labels.length > 1 && nums.every((n) => n !== null)) {
      const lo = Math.min(...nums);
      const hi = Math.max(...nums);
      if (hi - lo < MAX_FILLED_DAYS) {
        labels = [];
        for (let n = lo; n <= hi; n++) labels.push(dayString(n));
      }
    }
    const data = QUADS.map((_, i) => labels.map((d) => (byDay.get(d) || [0, 0, 0, 0])[i]));
    return { labels, data };
  }

  function drawTimeline(se) {
    if (chart) {
      chart.destroy();
      chart = null;
    }
    const info = $('timeline-info');
    if (typeof window.Chart !== 'function') {
      info.textContent = '';
      throw new Error('Chart.js did not load');
    }
    const { labels, data } = seriesData(se ? se.days : []);
    const total = data.reduce((s, d) => s + d.reduce((a, b) => a + b, 0), 0);
    info.textContent = se ? (total ? `${total.toLocaleString()} events, ${labels[0]} … ${labels[labels.length - 1]}` : 'no events') : '';
    $('timeline-empty').hidden = total > 0;
    chart = new window.Chart($('timeline-canvas'), {
      type: 'bar',
      data: {
        labels,
        datasets: QUADS.map((q, i) => ({
          label: q.n + ' ' + q.label,
          data: data[i],
          backgroundColor: q.color,
          borderWidth: 0,
          barPercentage: 1.0,
          categoryPercentage: 0.9,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: { callbacks: { footer: (items) => 'Click to filter on this day' } },
        },
        onClick: (_evt, elements) => {
          if (!elements || !elements.length) return;
          const day = labels[elements[0].index];
          if (day && DAY_RE.test(day)) navigateSearch({ ...currentFilters, from: day, to: day });
        },
      },
    });
  }

  // Graph ---------------------------------------------------------------------

  /** Red (conflict) through grey to green (cooperation) for a Goldstein value −10…10. */
  function goldsteinColor(g) {
    const v = num(g);
    if (v === null) return '#9e9e9e';
    const t = Math.max(-1, Math.min(1, v / 10));
    const grey = [158, 158, 158];
    const end = t < 0 ? [215, 48, 39] : [26, 152, 80];
    const k = Math.pow(Math.abs(t), 0.6);
    const c = grey.map((g0, i) => Math.round(g0 + (end[i] - g0) * k));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function drawGraph(gr) {
    if (cy) {
      cy.destroy();
      cy = null;
    }
    const info = $('graph-info');
    const empty = $('graph-empty');
    if (typeof window.cytoscape !== 'function') {
      info.textContent = '';
      throw new Error('cytoscape did not load');
    }
    const nodesIn = arr(gr && gr.nodes).filter((n) => isObj(n) && n.id !== null && n.id !== undefined && n.id !== '');
    const edgesIn = arr(gr && gr.edges).filter(
      (e) => isObj(e) && e.source !== null && e.source !== undefined && e.target !== null && e.target !== undefined
    );
    const nodes = new Map();
    for (const n of nodesIn) nodes.set(String(n.id), num(n.events) || 0);
    for (const e of edgesIn) {
      // Never let an edge point at a node the answer left out: cytoscape would throw.
      for (const id of [String(e.source), String(e.target)]) if (!nodes.has(id)) nodes.set(id, 0);
    }
    const maxEvents = Math.max(1, ...nodes.values());
    const maxCount = Math.max(1, ...edgesIn.map((e) => num(e.count) || 0));
    const elements = [];
    let i = 0;
    for (const [id, events] of nodes) {
      elements.push({
        group: 'nodes',
        data: { id: 'n' + i++, code: id, label: id, events, size: 22 + 38 * Math.sqrt(events / maxEvents) },
      });
    }
    const nodeKey = new Map([...nodes.keys()].map((id, j) => [id, 'n' + j]));
    edgesIn.forEach((e, j) => {
      const count = num(e.count) || 0;
      elements.push({
        group: 'edges',
        data: {
          id: 'e' + j,
          source: nodeKey.get(String(e.source)),
          target: nodeKey.get(String(e.target)),
          from: String(e.source),
          to: String(e.target),
          count,
          goldstein: num(e.goldstein),
          width: 1 + 9 * Math.sqrt(count / maxCount),
          color: goldsteinColor(e.goldstein),
        },
      });
    });

    empty.hidden = nodes.size > 0;
    info.textContent = gr ? `${nodes.size} actors, ${edgesIn.length} links` : '';
    cy = window.cytoscape({
      container: $('graph'),
      elements,
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': '#4a6fa5',
            label: 'data(label)',
            width: 'data(size)',
            height: 'data(size)',
            'font-size': 12,
            'font-weight': 600,
            'font-family': 'system-ui, sans-serif',
            color: '#1d2733',
            'text-valign': 'center',
            'text-halign': 'center',
            'text-outline-color': '#ffffff',
            'text-outline-width': 2,
            'border-width': 1,
            'border-color': '#2e4a70',
          },
        },
        { selector: 'node:active, node:selected', style: { 'background-color': '#e8590c', 'border-color': '#a63c05' } },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'line-color': 'data(color)',
            'target-arrow-color': 'data(color)',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            opacity: 0.85,
          },
        },
      ],
      layout:
        nodes.size <= 150
          ? { name: 'cose', animate: false, padding: 30, nodeRepulsion: () => 12000, idealEdgeLength: () => 70, randomize: true }
          : { name: 'concentric', padding: 24, concentric: (n) => n.data('events'), levelWidth: () => 3 },
    });

    // A handful of nodes would otherwise be blown up to fill the box.
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }

    const hint = info.textContent;
    cy.on('tap', 'node', (evt) => {
      const code = evt.target.data('code');
      if (code) navigateSearch({ ...currentFilters, actor: code });
    });
    cy.on('tap', 'edge', (evt) => {
      const d = evt.target.data();
      navigateSearch({ ...currentFilters, dyad: d.from + ',' + d.to });
    });
    cy.on('mouseover', 'node', (evt) => {
      const d = evt.target.data();
      info.textContent = `${d.code}: ${d.events} events (click to filter)`;
    });
    cy.on('mouseover', 'edge', (evt) => {
      const d = evt.target.data();
      info.textContent = `${d.from} → ${d.to}: ${d.count} events, mean Goldstein ${fmtNum(d.goldstein)}`;
    });
    cy.on('mouseout', 'node, edge', () => {
      info.textContent = hint;
    });
  }

  // ------------------------------------------------------------ article view

  let marked = [];
  let markedSide = null;
  let spanIndex = new Map(); // key -> [elements]
  let sideEventItems = [];

  async function renderDoc(id, params, token) {
    showView('article');
    $('back-link').setAttribute('href', lastSearchHash);
    if (renderedDocId !== id) {
      setStatus('Loading document…', 'info');
      clearArticle();
      let data;
      try {
        data = await api('/api/documents/' + encodeURIComponent(id));
      } catch (e) {
        if (token !== renderToken) return;
        const notFound = e instanceof ApiError && e.status === 404;
        $('article-title').textContent = notFound ? 'Document not found' : 'Could not load the document';
        $('article-text').append(el('p', { className: 'empty', text: (notFound ? 'No document with id ' : 'Document ') + id + (notFound ? '.' : ': ' + e.message) }));
        document.title = 'annalist — not found';
        throw notFound ? new ApiError('Document not found: ' + id, 404) : e;
      }
      if (token !== renderToken) return;
      buildArticle(id, data);
      renderedDocId = id;
      window.scrollTo(0, 0);
      setStatus('');
    } else {
      setStatus('');
    }
    const ev = params.get('ev');
    if (ev !== null && ev !== '') selectEvent(ev, true);
    else unmark();
  }

  function clearArticle() {
    renderedDocId = null;
    spanIndex = new Map();
    marked = [];
    markedSide = null;
    sideEventItems = [];
    for (const id of ['article-title', 'article-meta', 'article-text', 'side-events', 'side-entities', 'side-quotes', 'side-times', 'side-copies']) {
      clear($(id));
    }
    for (const id of ['side-events-count', 'side-entities-count', 'side-quotes-count', 'side-times-count', 'side-copies-count']) {
      $(id).textContent = '';
    }
    $('article-description').hidden = true;
    $('side-copies-panel').hidden = true;
  }

  function metaRow(dl, name, value) {
    if (value === null || value === undefined || value === '') return;
    dl.append(el('dt', { text: name }), el('dd', {}, value));
  }

  function buildArticle(id, data) {
    const record = isObj(data.record) ? data.record : {};
    const doc = isObj(record.doc) ? record.doc : {};
    const text = typeof record.text === 'string' ? record.text : '';

    const title = str(doc.title) || '(untitled)';
    $('article-title').textContent = title;
    document.title = 'annalist — ' + title;

    const dl = $('article-meta');
    metaRow(dl, 'Site', str(doc.site_name) || null);
    metaRow(dl, 'Published', doc.published ? str(doc.published) + (doc.published_from ? ' (from ' + doc.published_from + ')' : '') : null);
    const authors = arr(doc.authors).map((a) => str(a)).filter(Boolean);
    metaRow(dl, authors.length > 1 ? 'Authors' : 'Author', authors.length ? authors.join(', ') : null);
    if (doc.url) {
      const u = safeHttpUrl(doc.url);
      metaRow(dl, 'URL', u ? el('a', { href: u, text: str(doc.url) }) : el('span', { className: 'unsafe-url', text: str(doc.url) }));
    }
    metaRow(dl, 'Source', str(doc.source) || null);
    metaRow(dl, 'Language', str(doc.language) || null);
    if (data.story !== null && data.story !== undefined) metaRow(dl, 'Story', String(data.story));
    metaRow(dl, 'Document', el('code', { text: str(doc.id) || id }));

    if (doc.description) {
      const d = $('article-description');
      d.textContent = str(doc.description);
      d.hidden = false;
    }

    const entities = arr(record.entities).filter(isObj);
    const entById = new Map(entities.map((e) => [str(e.id), e]));
    const placeByEntity = new Map(arr(record.places).filter(isObj).map((p) => [str(p.entity), p]));
    const quotes = arr(record.quotes).filter(isObj);
    const times = arr(record.times).filter(isObj);
    const events = arr(record.events).filter(isObj);

    // Spans --------------------------------------------------------------
    const spans = [];
    const paragraphs = arr(record.paragraphs).filter((p) => Array.isArray(p));
    if (paragraphs.length) {
      paragraphs.forEach((p, i) => spans.push({ s: p[0], e: p[1], kind: 'para', pri: 0, key: 'p:' + i }));
    }
    events.forEach((ev, i) => {
      const r = arr(ev.evidence);
      spans.push({ s: r[0], e: r[1], kind: 'evidence', pri: 1, key: 'ev:' + i, i, ev });
    });
    quotes.forEach((q, i) => spans.push({ s: q.start, e: q.end, kind: 'quote', pri: 2, key: 'q:' + i, q, speaker: entById.get(str(q.speaker)) }));
    times.forEach((t, i) => spans.push({ s: t.start, e: t.end, kind: 'timex', pri: 3, key: 't:' + i, t }));
    entities.forEach((ent) => {
      arr(ent.mentions).forEach((m, j) => {
        if (Array.isArray(m)) spans.push({ s: m[0], e: m[1], kind: 'mention', pri: 4, key: 'e:' + str(ent.id), sub: j, ent });
      });
    });

    const root = $('article-text');
    renderHighlighted(root, text, spans, paragraphs.length === 0);

    // Side lists ----------------------------------------------------------
    const evList = $('side-events');
    $('side-events-count').textContent = String(events.length);
    const merged = arr(data.events);
    events.forEach((ev, i) => {
      const src = isObj(ev.source) ? ev.source : {};
      const tgt = isObj(ev.target) ? ev.target : {};
      const place = ev.place ? placeByEntity.get(str(ev.place)) || entById.get(str(ev.place)) : null;
      const li = el(
        'li',
        { className: 'side-event', data: { ev: i, code: str(ev.code) } },
        el(
          'a',
          { className: 'ev-link', href: docHref(id, i), title: 'Show the evidence in the text' },
          el('span', { className: 'cameo', text: str(ev.code, '—') }),
          ' ',
          el('span', { className: 'label', text: str(ev.label) })
        ),
        el('div', { className: 'ev-head' }, actorBlock(src), el('span', { className: 'arrow', text: '→' }), actorBlock(tgt)),
        el(
          'div',
          { className: 'ev-facts' },
          quadBadge(ev.quad),
          el('span', { className: 'goldstein', text: 'Goldstein ' + fmtNum(ev.goldstein) }),
          ev.date ? el('span', { className: 'date', text: str(ev.date), title: ev.date_from ? 'date from the ' + ev.date_from : '' }) : null,
          ev.modality ? el('span', { className: 'modality m-' + classToken(ev.modality, 'x'), text: str(ev.modality) }) : null,
          place ? el('span', { className: 'place', text: '@ ' + str(place.name) }) : null,
          merged[i] !== undefined && merged[i] !== null ? el('span', { className: 'merged', text: '#' + merged[i], title: 'merged event id' }) : null
        )
      );
      sideEventItems[i] = li;
      evList.append(li);
    });
    if (!events.length) evList.append(el('li', { className: 'empty', text: 'No events.' }));

    const entList = $('side-entities');
    $('side-entities-count').textContent = String(entities.length);
    for (const ent of entities) {
      const type = classToken(ent.type, 'OTHER');
      const key = 'e:' + str(ent.id);
      const roles = arr(ent.roles).map((r) => str(r)).filter(Boolean);
      const n = arr(ent.mentions).length;
      const li = el(
        'li',
        { className: 'side-entity', data: { entity: str(ent.id) } },
        el(
          'button',
          { type: 'button', className: 'linkish', title: 'Show its mentions in the text' },
          el('span', { className: 'swatch ent-' + type }),
          el('span', { className: 'name', text: str(ent.name, '(unnamed)') })
        ),
        ' ',
        el('span', { className: 'type', text: str(ent.type) }),
        ent.country ? el('span', { className: 'country', text: str(ent.country), title: 'country' }) : null,
        ent.actor ? el('a', { className: 'code', href: searchHref({ actor: str(ent.actor) }), text: str(ent.actor), title: 'CAMEO actor: search its events' }) : null,
        el('span', { className: 'muted', text: ` ${n}×` }),
        roles.length ? el('div', { className: 'roles', text: roles.join('; ') }) : null
      );
      li.querySelector('button').addEventListener('click', () => markKey(key, li));
      entList.append(li);
    }
    if (!entities.length) entList.append(el('li', { className: 'empty', text: 'No entities.' }));

    const qList = $('side-quotes');
    $('side-quotes-count').textContent = String(quotes.length);
    quotes.forEach((q, i) => {
      const sp = entById.get(str(q.speaker));
      const li = el(
        'li',
        { className: 'side-quote' },
        el('button', { type: 'button', className: 'linkish quote-text', text: '“' + str(q.text) + '”', title: 'Show in the text' }),
        el('div', { className: 'speaker', text: '— ' + (sp ? str(sp.name, q.speaker) : q.speaker ? str(q.speaker) : 'unknown speaker') })
      );
      li.querySelector('button').addEventListener('click', () => markKey('q:' + i, li));
      qList.append(li);
    });
    if (!quotes.length) qList.append(el('li', { className: 'empty', text: 'No quotes.' }));

    const tList = $('side-times');
    $('side-times-count').textContent = String(times.length);
    times.forEach((t, i) => {
      const li = el(
        'li',
        { className: 'side-time' },
        el('button', { type: 'button', className: 'linkish', text: str(t.text, '(time)'), title: 'Show in the text' }),
        ' ',
        el('code', { className: 'value', text: str(t.value, '?') }),
        t.type ? el('span', { className: 'muted', text: ' ' + str(t.type).toLowerCase() }) : null,
        t.mod ? el('span', { className: 'muted', text: ' ' + str(t.mod) }) : null
      );
      li.querySelector('button').addEventListener('click', () => markKey('t:' + i, li));
      tList.append(li);
    });
    if (!times.length) tList.append(el('li', { className: 'empty', text: 'No time expressions.' }));

    const copies = arr(data.copies).filter(isObj);
    if (copies.length) {
      $('side-copies-panel').hidden = false;
      $('side-copies-count').textContent = String(copies.length);
      for (const c of copies) {
        const u = safeHttpUrl(c.url);
        $('side-copies').append(
          el('li', {}, u ? el('a', { href: u, text: str(c.source) || u }) : el('span', { text: str(c.source) || str(c.url) }))
        );
      }
    }
  }

  /**
   * Fill `root` with `text`, every span highlighted. Offsets count code points.
   * The text is cut at every span boundary; each piece is appended inside the
   * elements of all spans that cover it, outer spans first (ordered by start,
   * then longest, then kind). Elements are reused across pieces while the
   * covering set allows it, so nested spans stay single elements and only
   * crossing spans are split. Every character appears exactly once, in order.
   */
  function renderHighlighted(root, text, spans, preWrapRoot) {
    clear(root);
    root.classList.toggle('prewrap', preWrapRoot);

    // Code point index -> UTF-16 offset.
    const offs = [0];
    let u = 0;
    for (const ch of text) {
      u += ch.length;
      offs.push(u);
    }
    const n = offs.length - 1;

    const valid = [];
    for (const sp of spans) {
      if (!Number.isInteger(sp.s) || !Number.isInteger(sp.e)) continue;
      const s = Math.max(0, Math.min(n, sp.s));
      const e = Math.max(0, Math.min(n, sp.e));
      if (e <= s) continue;
      valid.push({ ...sp, s, e });
    }
    // Paragraphs (which never overlap) are always outermost; then by start, longest first, kind.
    valid.sort((a, b) => (a.kind === 'para' ? 0 : 1) - (b.kind === 'para' ? 0 : 1) || a.s - b.s || b.e - a.e || a.pri - b.pri);
    valid.forEach((sp, i) => {
      sp.rank = i;
    });

    const starts = new Map();
    const bounds = new Set([0, n]);
    for (const sp of valid) {
      bounds.add(sp.s);
      bounds.add(sp.e);
      if (!starts.has(sp.s)) starts.set(sp.s, []);
      starts.get(sp.s).push(sp);
    }
    const points = [...bounds].sort((a, b) => a - b);

    const firstPieceDone = new Set();
    let active = [];
    let stack = []; // [{sp, elem}]
    const frag = document.createDocumentFragment();

    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      active = active.filter((sp) => sp.e > a);
      if (starts.has(a)) active.push(...starts.get(a));
      active.sort((x, y) => x.rank - y.rank);

      let common = 0;
      while (common < stack.length && common < active.length && stack[common].sp === active[common]) common++;
      stack.length = common;
      for (let j = common; j < active.length; j++) {
        const sp = active[j];
        const elem = spanElement(sp, !firstPieceDone.has(sp));
        firstPieceDone.add(sp);
        (stack.length ? stack[stack.length - 1].elem : frag).append(elem);
        stack.push({ sp, elem });
        if (!spanIndex.has(sp.key)) spanIndex.set(sp.key, []);
        spanIndex.get(sp.key).push(elem);
      }
      const piece = document.createTextNode(text.slice(offs[a], offs[b]));
      (stack.length ? stack[stack.length - 1].elem : frag).append(piece);
    }
    root.append(frag);
  }

  function spanElement(sp, first) {
    const e = document.createElement('span');
    switch (sp.kind) {
      case 'para':
        e.className = 'para';
        break;
      case 'evidence': {
        e.className = 'evidence';
        e.dataset.ev = String(sp.i);
        if (first) e.id = 'ev-' + sp.i;
        const ev = sp.ev;
        e.title = `event ${sp.i}: ${str(ev.code)} ${str(ev.label)}`.trim();
        break;
      }
      case 'quote':
        e.className = 'quote';
        e.title = 'quote' + (sp.speaker ? ' — ' + str(sp.speaker.name) : sp.q.speaker ? ' — ' + str(sp.q.speaker) : '');
        break;
      case 'timex':
        e.className = 'timex';
        e.dataset.value = str(sp.t.value);
        e.title = str(sp.t.value) || str(sp.t.type) || 'time';
        break;
      case 'mention': {
        const ent = sp.ent;
        const type = classToken(ent.type, 'OTHER');
        e.className = 'mention ent-' + type + (ENTITY_TYPES.has(type) ? '' : ' ent-other');
        e.dataset.entity = str(ent.id);
        const bits = [str(ent.name), str(ent.type), str(ent.actor)].filter(Boolean);
        e.title = bits.join(' · ');
        break;
      }
      default:
        break;
    }
    return e;
  }

  function unmark() {
    for (const e of marked) e.classList.remove('marked');
    marked = [];
    if (markedSide) markedSide.classList.remove('active');
    markedSide = null;
  }

  function markKey(key, sideItem) {
    unmark();
    const elems = spanIndex.get(key) || [];
    for (const e of elems) e.classList.add('marked');
    marked = elems.slice();
    if (sideItem) {
      sideItem.classList.add('active');
      markedSide = sideItem;
    }
    if (elems.length) elems[0].scrollIntoView({ block: 'center' });
    return elems.length > 0;
  }

  function selectEvent(ev, fromRoute) {
    const i = Number(ev);
    if (!Number.isInteger(i) || i < 0) {
      unmark();
      setStatus('No event ' + ev + ' in this document.', 'error');
      return;
    }
    const ok = markKey('ev:' + i, sideEventItems[i] || null);
    if (!ok) setStatus('Event ' + i + ' has no evidence span in this document.', 'error');
    else if (sideEventItems[i]) sideEventItems[i].scrollIntoView({ block: 'nearest' });
  }

  // ---------------------------------------------------------------- wiring

  function init() {
    $('search-form').addEventListener('submit', (evt) => {
      evt.preventDefault();
      navigateSearch(readForm());
    });
    $('reset-search').addEventListener('click', () => {
      $('search-form').reset();
      navigateSearch({});
    });
    $('events-more').addEventListener('click', loadMoreEvents);
    $('documents-more').addEventListener('click', loadMoreDocuments);
    window.addEventListener('hashchange', () => route(false));
    route(false);
  }

  // Read-only handles for tests and debugging in the browser console.
  Object.defineProperty(window, 'annalist', {
    value: Object.freeze({
      get chart() {
        return chart;
      },
      get cy() {
        return cy;
      },
    }),
  });

  init();
})();
