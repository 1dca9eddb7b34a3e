// Shared by both pages: the development-only user switcher, the API helper and el(), the only way these pages build
// the DOM. Data from the API is only ever put in text nodes (textContent), never in innerHTML, so no value can be markup.

export const DEMO_USERS = [
  { user: 'ana', tenant: 'acme', roles: ['owner'] },
  { user: 'ben', tenant: 'acme', roles: ['admin'] },
  { user: 'cy', tenant: 'acme', roles: ['member'] },
  { user: 'dee', tenant: 'acme', roles: ['viewer'] },
  { user: 'eve', tenant: 'acme', roles: ['member', 'auditor'] },
  { user: 'gus', tenant: 'globex', roles: ['owner'] },
];
const ROLES = ['owner', 'admin', 'member', 'viewer', 'auditor', 'executive'];
const STORAGE_KEY = 'exportkit.demoUser';

/** Makes an element: attributes (on* as listeners), then children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'className') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a container's children. */
export function fill(container, ...children) {
  container.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
}

export function currentUser() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY));
    if (saved && saved.user && saved.tenant && Array.isArray(saved.roles)) return saved;
  } catch { /* a broken entry falls back to the first demo user */ }
  return DEMO_USERS[1];
}

export const isAdmin = user => user.roles.includes('owner') || user.roles.includes('admin');

const header = user => `${user.user}; tenant=${user.tenant}; roles=${user.roles.join(',')}`;

/** An API refusal: the HTTP status and the problem details (RFC 9457) the server sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API as the current demo user; returns the response, or throws ApiError with the problem details. */
export async function api(path, options = {}) {
  const headers = { 'X-Demo-User': header(currentUser()), ...(options.headers || {}) };
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch('/api/v1' + path, {
    method: options.method || 'GET',
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
  });
  if (!response.ok) {
    let problem = { title: response.statusText };
    try { problem = await response.json(); } catch { /* not problem details */ }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export const getJson = async path => (await api(path)).json();

/** The file name of a Content-Disposition header, or a fallback. */
export function fileName(response, fallback) {
  const match = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
  return match ? match[1] : fallback;
}

/** Saves a blob as a file through a temporary link (the download carries the demo header, so a plain link cannot). */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export const kb = bytes => bytes == null ? '—' : `${(bytes / 1024).toFixed(1)} KB`;
export const when = iso => iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '—';

/** The user switcher in the page header: a preset, or any user, tenant and roles. Calls onChange after a switch. */
export function mountUserSwitcher(container, onChange) {
  const user = currentUser();
  const preset = el('select', { id: 'demo-preset', 'aria-label': 'Demo user' },
    el('option', { value: '' }, 'Custom…'),
    DEMO_USERS.map((u, i) => el('option', { value: i }, `${u.user} · ${u.tenant} · ${u.roles.join(', ')}`)));
  const name = el('input', { id: 'demo-user', value: user.user, size: 8, 'aria-label': 'User' });
  const tenant = el('input', { id: 'demo-tenant', value: user.tenant, size: 8, 'aria-label': 'Tenant' });
  const roles = el('select', { id: 'demo-roles', multiple: true, size: 2, 'aria-label': 'Roles' },
    ROLES.map(r => el('option', { value: r, selected: user.roles.includes(r) }, r)));
  const index = DEMO_USERS.findIndex(u => header(u) === header(user));
  preset.value = index >= 0 ? String(index) : '';
  const apply = () => {
    const chosen = { user: name.value.trim(), tenant: tenant.value.trim(), roles: [...roles.selectedOptions].map(o => o.value) };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(chosen));
    onChange(chosen);
  };
  preset.addEventListener('change', () => {
    if (preset.value === '') return;
    const u = DEMO_USERS[Number(preset.value)];
    name.value = u.user;
    tenant.value = u.tenant;
    for (const o of roles.options) o.selected = u.roles.includes(o.value);
    apply();
  });
  fill(container,
    el('span', { className: 'dev-badge', title: 'X-Demo-User is honoured only in Development' }, 'DEV'),
    preset, name, tenant, roles,
    el('button', { id: 'demo-apply', type: 'button', onclick: apply }, 'Switch'));
}
