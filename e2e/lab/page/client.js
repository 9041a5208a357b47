/**
 * The lab page's script (plain JS, served as /lab.js). Exposes
 *
 *   window.corsLab.run(id, { nonce?, setup? }) → Promise<{ ok, status?, error?, url, nonce }>
 *   window.corsLab.setup(id, { nonce? })      → Promise<{ url, nonce }>
 *
 * `run` performs the scenario's setup steps (unless `setup: false`), then the fetch exactly as the data says (method, headers,
 * credentials, body, mode 'cors' unless the data says otherwise). `ok` is true when the fetch resolved
 * (the page could read the response), false when it rejected (CORS block or network error); `status` is
 * the HTTP status when it resolved. Each run uses a fresh nonce unless one is given, so runs never share
 * browser caches; setup steps use the same nonce/URL as the measured fetch.
 */
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('lab-data').textContent);
  const byId = new Map(data.scenarios.map((s) => [s.id, s]));

  function newNonce() {
    return Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
  }

  /** The target origin, or the scenario's realistic host name on the target's port (Chromium maps it to 127.0.0.1). */
  function baseFor(req) {
    const origin = new URL(data.origins[req.target]);
    if (req.host) origin.hostname = req.host;
    return origin.origin;
  }

  function urlFor(s, nonce) {
    return `${baseFor(s.request)}${s.request.basePath ?? ''}/s/${s.id}/${nonce}/r${s.request.path ?? ''}`;
  }

  function fetchInit(req, over) {
    const init = {
      method: over.method ?? req.method,
      mode: req.mode ?? 'cors',
      credentials: over.credentials ?? req.credentials,
      headers: over.headers ?? req.headers ?? [],
      cache: req.cache ?? 'default',
      redirect: req.redirect ?? 'follow',
    };
    if (req.body !== undefined) init.body = req.body;
    return init;
  }

  function loadImage(url) {
    return new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve();
      img.onerror = () => resolve(); // the body is rarely an image; the load still reaches the HTTP cache
      img.src = url;
    });
  }

  async function settle(promise) {
    try {
      const res = await promise;
      await res.arrayBuffer();
    } catch {
      // A setup step may fail on purpose; only the measured fetch is reported.
    }
  }

  async function setup(step, url, req) {
    if (step.kind === 'no-cors-img') return loadImage(url);
    if (step.kind === 'no-cors-fetch')
      return settle(fetch(url, { mode: 'no-cors', credentials: step.credentials ?? 'include' }));
    if (step.kind === 'cors-fetch') return settle(fetch(url, fetchInit(req, step)));
    throw new Error(`unknown setup step ${step.kind}`);
  }

  function scenario(id) {
    const s = byId.get(id);
    if (!s) throw new Error(`no such scenario: ${id}`);
    return s;
  }

  /** Only the setup steps (the runner measures them apart from the fetch). */
  async function runSetup(id, opts = {}) {
    const s = scenario(id);
    const nonce = opts.nonce ?? newNonce();
    const url = urlFor(s, nonce);
    for (const step of s.request.setup ?? []) await setup(step, url, s.request);
    return { url, nonce };
  }

  async function run(id, opts = {}) {
    const s = scenario(id);
    const nonce = opts.nonce ?? newNonce();
    const url = urlFor(s, nonce);
    if (opts.setup !== false) await runSetup(id, { nonce });
    try {
      const res = await fetch(url, fetchInit(s.request, {}));
      await res.arrayBuffer();
      return { ok: true, status: res.status, url, nonce };
    } catch (err) {
      return { ok: false, error: String(err), url, nonce };
    }
  }

  window.corsLab = { run, setup: runSetup, origins: data.origins, ids: () => [...byId.keys()] };

  async function runButton(button) {
    const id = button.dataset.scenario;
    const out = document.querySelector(`output[data-result-for="${CSS.escape(id)}"]`);
    out.className = 'busy';
    out.textContent = '…';
    const r = await run(id);
    out.className = r.ok ? 'ok' : 'blocked';
    out.textContent = r.ok ? `✓ read the response (${r.status})` : `✗ blocked: ${r.error}`;
  }

  // `/?open=all` opens every group (handy for tests that click buttons); `/#<scenario-id>` opens that
  // scenario's group and scrolls to it.
  function openFromUrl() {
    if (new URLSearchParams(location.search).get('open') === 'all') {
      for (const d of document.querySelectorAll('details[data-dimension]')) d.open = true;
    }
    const id = decodeURIComponent(location.hash.slice(1));
    const button = id ? document.querySelector(`button[data-scenario="${CSS.escape(id)}"]`) : null;
    if (button) {
      button.closest('details').open = true;
      button.scrollIntoView({ block: 'center' });
      button.focus();
    }
  }
  openFromUrl();
  window.addEventListener('hashchange', openFromUrl);

  document.addEventListener('click', async (ev) => {
    const target = ev.target instanceof Element ? ev.target.closest('button') : null;
    if (!target) return;
    if (target.dataset.scenario) return runButton(target);
    if (target.dataset.group) {
      const details = target.closest('details');
      for (const b of details.querySelectorAll('button[data-scenario]')) await runButton(b);
    }
  });
})();
