// The audit page (seed 003): filters with debounce, a paginated table, entry details, the admin-only CSV export
// button and its status modal, which polls the job until it ends.
import { api, ApiError, currentUser, el, fileName, fill, getJson, isAdmin, kb, mountUserSwitcher, save, when } from './common.js';

const $ = id => document.getElementById(id);
const PAGE = 20;
let offset = 0;
let polling = 0;

function filters() {
  const day = (value, end) => value ? `${value}T${end ? '23:59:59' : '00:00:00'}Z` : undefined;
  return {
    severity: $('f-severity').value || undefined,
    actorType: $('f-actor').value || undefined,
    eventType: $('f-event').value.trim() || undefined,
    startDate: day($('f-start').value, false),
    endDate: day($('f-end').value, true),
    search: $('f-search').value.trim() || undefined,
  };
}

const query = extra => new URLSearchParams(Object.entries({ ...filters(), ...extra }).filter(([, v]) => v !== undefined)).toString();

async function load() {
  $('audit-error').hidden = true;
  try {
    const [page, stats] = await Promise.all([getJson(`/audit?${query({ limit: PAGE, offset })}`), getJson(`/audit/stats?${query({})}`)]);
    fill($('severity-stats'), ['info', 'warning', 'error', 'critical'].map((s, i) => el('div', { className: `stat ${['blue', 'orange', 'purple', 'red'][i]}` },
      el('div', { className: 'muted' }, s), el('div', { className: 'value' }, stats.bySeverity[s] ?? 0), el('div', { className: 'trend' }, `of ${stats.total} matching`))));
    fill($('rows'), page.items.length === 0
      ? el('tr', {}, el('td', { colspan: 6, className: 'muted' }, 'No audit events match these filters.'))
      : page.items.map(e => el('tr', { className: 'clickable', tabindex: 0, onclick: () => showDetails(e.id) },
        el('td', {}, when(e.timestamp)), el('td', {}, el('span', { className: 'badge' }, e.eventType)),
        el('td', {}, el('span', { className: `badge sev-${e.severity}` }, e.severity)), el('td', {}, e.actorType), el('td', {}, e.userId || '—'),
        el('td', { className: 'ctx' }, e.context === null ? '' : JSON.stringify(e.context)))));
    $('page-info').textContent = page.items.length ? `${offset + 1}–${offset + page.items.length} of ${stats.total}` : '';
    $('prev').disabled = offset === 0;
    $('next').disabled = offset + page.items.length >= stats.total;
  } catch (e) {
    $('audit-error').hidden = false;
    $('audit-error').textContent = e instanceof ApiError ? `${e.problem.title}: ${e.message}` : String(e);
  }
}

async function showDetails(id) {
  const e = await getJson(`/audit/${encodeURIComponent(id)}`);
  const rows = [['Id', e.id], ['Timestamp', when(e.timestamp)], ['Event type', e.eventType], ['Severity', e.severity], ['Actor type', e.actorType],
    ['User', e.userId], ['Resource', [e.resourceType, e.resourceId].filter(Boolean).join(' ')], ['IP address', e.ipAddress], ['User agent', e.userAgent], ['Request id', e.requestId]];
  fill($('details-body'),
    el('dl', { className: 'meta' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v || '—')])),
    el('h3', {}, 'Context'), el('pre', {}, JSON.stringify(e.context, null, 2)),
    e.changes.length ? [el('h3', {}, 'Changes'), el('table', {}, el('tbody', {}, e.changes.map(c => el('tr', {},
      el('td', {}, c.path), el('td', {}, String(c.kind)), el('td', {}, c.beforeJson ?? '—'), el('td', {}, c.afterJson ?? '—')))))] : null);
  $('details').showModal();
}

// Seed 003's export: create the job with the current filters, then poll its status until it succeeds or fails.
async function exportCsv() {
  const button = $('export');
  button.disabled = true;
  const run = ++polling;
  fill($('job-actions'));
  fill($('job-body'), el('p', {}, el('span', { className: 'spinner' }), 'Creating the export job…'));
  $('job-modal').showModal();
  try {
    const { startDate, endDate, ...rest } = filters();
    let job = await (await api('/audit/export', { method: 'POST', json: { ...rest, startDate, endDate } })).json();
    while (run === polling && (job.status === 'queued' || job.status === 'processing')) {
      showJob(job);
      await new Promise(r => setTimeout(r, 400));
      job = await getJson(`/audit/export/${encodeURIComponent(job.id)}`);
    }
    if (run === polling) showJob(job);
  } catch (e) {
    fill($('job-body'), el('div', { className: 'error-box', id: 'job-error' }, e instanceof ApiError ? `${e.problem.title}: ${e.message}` : String(e)));
  } finally {
    button.disabled = false;
  }
}

function showJob(job) {
  const running = job.status === 'queued' || job.status === 'processing';
  fill($('job-body'),
    el('p', { id: 'job-status' }, running ? el('span', { className: 'spinner' }) : null, `Status: ${job.status}`),
    el('dl', { className: 'meta' },
      el('dt', {}, 'Job'), el('dd', {}, job.id),
      el('dt', {}, 'Rows'), el('dd', { id: 'job-rows' }, job.rowCount ?? '—'),
      el('dt', {}, 'Size'), el('dd', { id: 'job-size' }, job.fileSizeBytes == null ? '—' : `${kb(job.fileSizeBytes)} (${job.fileSizeBytes} bytes)`),
      el('dt', {}, 'SHA-256'), el('dd', {}, job.sha256 || '—'),
      el('dt', {}, 'Expires'), el('dd', {}, when(job.expiresAt))),
    job.status === 'failed' ? el('div', { className: 'error-box', id: 'job-error' }, `${job.errorCode}: ${job.errorMessage}`) : null);
  fill($('job-actions'), job.status === 'success'
    ? el('button', { className: 'primary', id: 'job-download', type: 'button', onclick: () => download(job.id) }, 'Download CSV') : null);
}

async function download(id) {
  try {
    const response = await api(`/audit/export/${encodeURIComponent(id)}/download`);
    save(await response.blob(), fileName(response, `${id}.csv`));
  } catch (e) {
    $('job-body').append(el('div', { className: 'error-box' }, e instanceof ApiError ? `${e.problem.title}: ${e.message}` : String(e)));
  }
}

let debounce = 0;
const reload = () => { offset = 0; load(); };
for (const id of ['f-severity', 'f-actor', 'f-start', 'f-end']) $(id).addEventListener('change', reload);
for (const id of ['f-event', 'f-search']) $(id).addEventListener('input', () => { clearTimeout(debounce); debounce = setTimeout(reload, 300); });
$('prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
$('next').addEventListener('click', () => { offset += PAGE; load(); });
$('export').addEventListener('click', exportCsv);
$('details-close').addEventListener('click', () => $('details').close());
$('job-close').addEventListener('click', () => { polling++; $('job-modal').close(); });

function start() {
  $('export').hidden = !isAdmin(currentUser()); // a hint only: the API answers others 403 "Admin role required"
  reload();
}

mountUserSwitcher($('switcher'), start);
start();
