// The export hub (seed 001): builder, preview, statistics cards with 24 h trends, the last 10 exports.
import { api, ApiError, currentUser, el, fileName, fill, getJson, kb, mountUserSwitcher, save, when } from './common.js';

const $ = id => document.getElementById(id);
let lastFile = null;

// Allowed choices first; the others stay selectable in their own group, so the server's refusal (and its violations) can be seen.
async function loadVisibility() {
  const visibility = await getJson('/exports/visibility');
  const option = i => el('option', { value: i.id, title: i.reason || '' }, i.allowed ? i.id : `${i.id} (not allowed)`);
  const keep = (select, items) => {
    const old = select.value;
    const allowed = items.filter(i => i.allowed);
    const denied = items.filter(i => !i.allowed);
    fill(select, allowed.map(option), denied.length ? el('optgroup', { label: 'Not allowed for you' }, denied.map(option)) : null);
    select.value = items.some(i => i.id === old) ? old : (allowed[0] || items[0] || { id: '' }).id;
  };
  keep($('category'), visibility.categories);
  keep($('format'), visibility.formats);
  const denied = [...visibility.categories, ...visibility.formats].filter(i => !i.allowed);
  $('not-allowed').textContent = denied.length ? `${denied.length} choices are not allowed for you (hover one to see why).` : '';
}

function showScope() {
  const user = currentUser();
  fill($('scope'), ['Tenant', user.tenant, 'Facility', $('facility').value.trim() || 'all', 'User', user.user, 'Roles', user.roles.join(', ') || '—']
    .map((text, i) => el(i % 2 ? 'dd' : 'dt', {}, text)));
}

async function loadStats() {
  const s = await getJson('/exports/stats');
  const card = (color, title, value, trend) => el('div', { className: `stat ${color}` },
    el('div', { className: 'muted' }, title), el('div', { className: 'value' }, value), el('div', { className: 'trend' }, trend));
  fill($('stats'),
    card('blue', 'Total exports', s.totalExports, `${s.trends.exportsChange} vs previous 24 h`),
    card('green', 'Total downloads', s.totalDownloads, `${s.trends.downloadsChange} vs previous 24 h`),
    card('purple', 'Average size', kb(s.averageSizeBytes), `${s.totalDenied} denied · ${s.totalFailed} failed`),
    card('orange', 'Data sources', s.dataSourcesUsed, 'phases exported from'));
}

async function loadHistory() {
  const history = await getJson('/exports/history?take=10');
  fill($('history'), history.length === 0
    ? el('tr', {}, el('td', { colspan: 7, className: 'muted' }, 'No exports yet.'))
    : history.map(h => el('tr', {}, el('td', {}, when(h.timestamp)), el('td', {}, h.category), el('td', {}, h.format),
      el('td', {}, h.sectionsGenerated), el('td', {}, h.itemsIncluded), el('td', {}, kb(h.sizeBytes)), el('td', {}, h.generatedBy))));
  return history;
}

function showError(error) {
  const problem = error instanceof ApiError ? error.problem : { title: 'Error', detail: String(error) };
  fill($('preview'), el('h2', {}, 'Preview'), el('div', { className: 'error-box', id: 'denial' },
    el('strong', {}, problem.title || 'Error'), el('p', {}, problem.detail || ''),
    problem.violations && problem.violations.length ? el('ul', { id: 'violations' }, problem.violations.map(v => el('li', {}, v))) : null,
    problem.errorCode ? el('div', { className: 'hint' }, `errorCode: ${problem.errorCode}`) : null));
}

async function showPreview(exportId, blob) {
  const entry = (await loadHistory()).find(h => h.exportId === exportId);
  let sections = [];
  if (blob && blob.type.includes('json')) {
    try { sections = JSON.parse(await blob.text()).sections || []; } catch { /* not a bundle document */ }
  }
  const meta = entry ? [['Export id', entry.exportId], ['Bundle id', entry.bundleId], ['Generated', when(entry.timestamp)],
    ['Computation', `${entry.generationTimeMs} ms`], ['Size', kb(entry.sizeBytes)], ['Sources', entry.dataSources.join('; ')]] : [['Export id', exportId]];
  fill($('preview'),
    el('h2', {}, entry ? `${entry.category} · ${entry.format}` : 'Export'),
    entry ? el('p', { className: 'muted' }, `${entry.sectionsGenerated} sections, ${entry.itemsIncluded} items`) : null,
    sections.length ? el('table', { id: 'sections' }, el('thead', {}, el('tr', {}, el('th', {}, 'Section'), el('th', {}, 'Data source'), el('th', {}, 'Items'))),
      el('tbody', {}, sections.map(s => el('tr', {}, el('td', {}, el('strong', {}, s.title), el('div', { className: 'hint' }, s.description)), el('td', {}, s.dataSource), el('td', {}, s.itemCount))))) : null,
    el('dl', { className: 'meta', id: 'metadata' }, meta.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('p', {}, el('button', { className: 'primary', id: 'download', type: 'button', onclick: () => save(lastFile.blob, lastFile.name) }, 'Download')));
}

// Direct delivery first (the file is the response); a 413 means too large for that, so the export becomes a job.
async function generate() {
  const button = $('generate');
  button.disabled = true;
  fill(button, el('span', { className: 'spinner' }), 'Generating…');
  const body = { category: $('category').value, format: $('format').value, facilityId: $('facility').value.trim() || null };
  try {
    let response;
    try {
      response = await api('/exports', { method: 'POST', json: { ...body, delivery: 'direct' } });
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 413 && e.problem.parameter !== 'delivery')) throw e;
      response = await runJob(body);
    }
    const blob = await response.blob();
    lastFile = { blob, name: fileName(response, 'export') };
    await showPreview(response.headers.get('ExportKit-Export-Id') || response.exportId, blob);
  } catch (e) {
    showError(e);
  } finally {
    button.disabled = false;
    button.textContent = 'Generate';
    await loadStats();
  }
}

async function runJob(body) {
  let job = await (await api('/exports', { method: 'POST', json: body })).json();
  while (job.status === 'queued' || job.status === 'processing') {
    await new Promise(r => setTimeout(r, 500));
    job = await getJson(`/exports/${encodeURIComponent(job.id)}`);
  }
  if (job.status !== 'success') throw new ApiError(409, { title: `Export ${job.status}`, detail: job.errorMessage || '', errorCode: job.errorCode });
  const response = await api(`/exports/${encodeURIComponent(job.id)}/download`);
  response.exportId = job.exportId;
  return response;
}

async function refresh() {
  showScope();
  try {
    await Promise.all([loadVisibility(), loadStats(), loadHistory()]);
  } catch (e) {
    showError(e);
  }
}

mountUserSwitcher($('switcher'), refresh);
$('generate').addEventListener('click', generate);
$('facility').addEventListener('input', showScope);
refresh();
