// The simulator's host page: plays Zendesk's side of the ZAF protocol for each ticket tab's app iframe,
// proxies the app's requests to the fake API, and offers the agent and admin controls.
(function () {
  const $ = (id) => document.getElementById(id);
  const tabs = []; // { guid, ticketId, iframe, registered }
  let agentId = Number(new URLSearchParams(location.search).get('agent') || 3720451);
  let activeGuid = null;
  let state = null;
  let manifest = null;
  let translations = null;

  const post = (path, body) =>
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {}),
    }).then((r) => r.json());

  async function refreshState() {
    state = await fetch(`/__sim/state?agent=${agentId}`).then((r) => r.json());
    window.__simOffsetMs = state.offsetMs;
    $('clock').textContent = new Date(state.now).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
    $('lag').value = state.config.indexLagSeconds;
    $('budget').value = state.config.budgetPerMinute;
    $('fault').value = state.config.fault;
    $('request-count').textContent = String(state.requestCount);
    renderTickets();
    return state;
  }

  function button(label, onClick, attributes) {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    Object.entries(attributes || {}).forEach(([k, v]) => element.setAttribute(k, v));
    element.addEventListener('click', onClick);
    return element;
  }

  function renderTickets() {
    const open = $('open-tickets');
    open.replaceChildren(
      ...state.openTickets.slice(0, 12).map((t) => {
        const li = document.createElement('li');
        li.append(
          button(`Open #${t.id}`, () => openTab(t.id), { 'data-testid': `open-ticket-${t.id}` }),
          ` ${t.subject} (${t.status})`,
        );
        return li;
      }),
    );
    const solved = $('recently-solved');
    solved.replaceChildren(
      ...state.recentlySolved.map((t) => {
        const li = document.createElement('li');
        li.append(
          `#${t.id} ${t.subject} — rating: ${t.satisfaction} `,
          button('Rate good', () => act('rate', t.id, 'good'), { 'data-testid': `rate-good-${t.id}` }),
          button('Rate bad', () => act('rate', t.id, 'bad'), { 'data-testid': `rate-bad-${t.id}` }),
        );
        return li;
      }),
    );
    renderTabs();
  }

  function renderTabs() {
    $('tabs').replaceChildren(
      ...tabs.map((tab) => {
        const wrapper = document.createElement('span');
        wrapper.append(
          button(`#${tab.ticketId}`, () => activate(tab.guid), {
            role: 'tab',
            'aria-selected': String(tab.guid === activeGuid),
            'data-testid': `tab-${tab.ticketId}`,
          }),
          button('×', () => closeTab(tab.guid), {
            'aria-label': `Close tab #${tab.ticketId}`,
            'data-testid': `close-tab-${tab.ticketId}`,
          }),
        );
        return wrapper;
      }),
    );
    const active = tabs.find((t) => t.guid === activeGuid);
    const pane = $('ticket-pane');
    if (!active) return pane.replaceChildren('No ticket open. Open one from the list.');
    const ticket = state.openTickets.find((t) => t.id === active.ticketId);
    pane.replaceChildren(
      `Ticket #${active.ticketId} — ${ticket ? `${ticket.subject} (${ticket.status})` : 'solved'} `,
      button('Reply (public)', () => act('reply', active.ticketId), { 'data-testid': 'reply' }),
      button('Submit as Solved', () => act('solve', active.ticketId), { 'data-testid': 'solve' }),
    );
  }

  async function act(action, ticketId, score) {
    await post('/__sim/act', { action, ticketId, score, agentId });
    await refreshState();
    // Zendesk tells the app in the tab where the agent saved the ticket.
    const tab = tabs.find((t) => t.ticketId === ticketId);
    if (tab && action !== 'rate')
      send(tab, { key: 'zaf.ticket.submit.done', message: { ticket: { id: ticketId } } });
  }

  // --- ZAF host ---

  function send(tab, message) {
    if (tab.iframe.contentWindow)
      tab.iframe.contentWindow.postMessage(JSON.stringify(message), location.origin);
  }

  function openTab(ticketId) {
    const existing = tabs.find((t) => t.ticketId === ticketId);
    if (existing) return activate(existing.guid);
    const guid = `sim-${Math.random().toString(36).slice(2, 10)}`;
    const iframe = document.createElement('iframe');
    iframe.title = `Goalpost sidebar for ticket #${ticketId}`;
    iframe.dataset.testid = `sidebar-${ticketId}`;
    iframe.src = `/app/assets/iframe.html?origin=${encodeURIComponent(location.origin)}&app_guid=${guid}`;
    const tab = { guid, ticketId, iframe, registered: false };
    tabs.push(tab);
    $('sidebars').append(iframe);
    activate(guid);
  }

  function closeTab(guid) {
    const index = tabs.findIndex((t) => t.guid === guid);
    if (index < 0) return;
    const [tab] = tabs.splice(index, 1);
    send(tab, { key: 'zaf.app.willDestroy', message: {} });
    setTimeout(() => tab.iframe.remove(), 50);
    if (activeGuid === guid) activeGuid = tabs[0] ? tabs[0].guid : null;
    activate(activeGuid);
  }

  function activate(guid) {
    const sideBySide = $('side-by-side').checked;
    tabs.forEach((tab) => {
      const isActive = tab.guid === guid;
      const wasVisible = !tab.iframe.hidden;
      tab.iframe.hidden = !(isActive || sideBySide);
      if (tab.registered && wasVisible !== !tab.iframe.hidden) {
        send(tab, { key: tab.iframe.hidden ? 'zaf.app.deactivated' : 'zaf.app.activated', message: {} });
      }
    });
    activeGuid = guid;
    renderTabs();
  }

  function register(tab) {
    if (tab.registered) return;
    tab.registered = true;
    send(tab, {
      key: 'zaf.app.registered',
      message: {
        metadata: {
          appId: 1000001,
          installationId: 2000001,
          name: 'Goalpost',
          version: '0.1.0',
          settings: state.settings,
        },
        context: {
          instanceGuid: tab.guid,
          product: 'support',
          account: { subdomain: state.account.subdomain },
          location: 'ticket_sidebar',
          ticketId: tab.ticketId,
        },
      },
    });
    if (tab.iframe.hidden) send(tab, { key: 'zaf.app.deactivated', message: {} });
  }

  function answerGet(tab, paths) {
    const result = { errors: {} };
    for (const path of paths) {
      if (path === 'currentUser') result[path] = state.currentUser;
      else if (path === 'currentAccount')
        result[path] = {
          subdomain: state.account.subdomain,
          planName: state.account.planName,
          timeZone: { ianaName: 'Europe/Dublin' },
        };
      else if (path === 'ticket.id') result[path] = tab.ticketId;
      else if (path === 'instances')
        result[path] = Object.fromEntries(
          tabs.map((t) => [t.guid, { location: 'ticket_sidebar', ticketId: t.ticketId }]),
        );
      else result.errors[path] = { message: `unknown path ${path}`, name: 'Error', path };
    }
    return result;
  }

  function answerInvoke(tab, params) {
    if (params.resize) {
      const size = params.resize[0] || {};
      const height = parseInt(String(size.height || '200'), 10);
      if (Number.isFinite(height)) tab.iframe.style.height = `${Math.min(Math.max(height, 80), 2000)}px`;
    }
    if (params.routeTo) {
      const [, ticketId] = params.routeTo;
      openTab(Number(ticketId));
    }
    return {};
  }

  async function answerRequest(tab, key, options) {
    const answer = await post('/__sim/zendesk', {
      agentId,
      instance: tab.ticketId,
      url: options.url,
      timeout: options.timeout,
    });
    const ok = answer.status >= 200 && answer.status < 300;
    send(tab, { key: `zaf.${key}.${ok ? 'done' : 'fail'}`, message: { responseArgs: [answer] } });
    $('request-count').textContent = String(Number($('request-count').textContent) + 1);
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin) return;
    const tab = tabs.find((t) => t.iframe.contentWindow === event.source);
    if (!tab || typeof event.data !== 'string') return;
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (data.key === 'iframe.handshake') return register(tab);
    if (typeof data.key === 'string' && data.key.startsWith('request:'))
      return void answerRequest(tab, data.key, data.message || {});
    if (data.request === 'get') return send(tab, { id: data.id, result: answerGet(tab, data.params) });
    if (data.request === 'invoke') return send(tab, { id: data.id, result: answerInvoke(tab, data.params) });
    if (data.request)
      return send(tab, { id: data.id, error: { message: `${data.request} is not emulated`, name: 'Error' } });
  });

  // --- admin panel ---

  async function renderSettingsForm() {
    manifest = await fetch('/app/manifest.json').then((r) => r.json());
    translations = await fetch('/app/translations/en.json').then((r) => r.json());
    const form = $('settings-form');
    form.replaceChildren();
    for (const parameter of manifest.parameters) {
      const text = translations.app.parameters[parameter.name] || {};
      const label = document.createElement('label');
      label.htmlFor = `setting-${parameter.name}`;
      label.textContent = text.label || parameter.name;
      let input;
      if (parameter.type === 'multiline') input = document.createElement('textarea');
      else {
        input = document.createElement('input');
        input.type =
          parameter.type === 'checkbox' ? 'checkbox' : parameter.type === 'number' ? 'number' : 'text';
      }
      input.id = `setting-${parameter.name}`;
      input.name = parameter.name;
      const value = parameter.name in state.settings ? state.settings[parameter.name] : parameter.default;
      if (input.type === 'checkbox') input.checked = value === true || value === 'true';
      else input.value = value === undefined ? '' : String(value);
      form.append(label, input);
      if (text.helpText) {
        const help = document.createElement('div');
        help.className = 'help';
        help.textContent = text.helpText;
        form.append(help);
      }
    }
    form.append(button('Save settings', saveSettings, { 'data-testid': 'save-settings' }));
  }

  async function saveSettings() {
    const settings = {};
    for (const parameter of manifest.parameters) {
      const input = $(`setting-${parameter.name}`);
      settings[parameter.name] =
        input.type === 'checkbox'
          ? input.checked
          : parameter.type === 'number' && input.value !== ''
            ? Number(input.value)
            : input.value;
    }
    await post('/__sim/settings', { settings });
    await refreshState();
    // Zendesk reloads installed apps when their settings change.
    const open = tabs.map((t) => t.ticketId);
    tabs.slice().forEach((t) => closeTab(t.guid));
    setTimeout(() => open.forEach((id) => openTab(id)), 100);
  }

  // --- controls ---

  document.querySelectorAll('.clock-step').forEach((el) =>
    el.addEventListener('click', async () => {
      await post('/__sim/clock', { minutes: Number(el.dataset.minutes) });
      await refreshState();
    }),
  );
  $('lag').addEventListener('change', () =>
    post('/__sim/config', { indexLagSeconds: Number($('lag').value) }),
  );
  $('budget').addEventListener('change', () =>
    post('/__sim/config', { budgetPerMinute: Number($('budget').value) }),
  );
  $('fault').addEventListener('change', () => post('/__sim/config', { fault: $('fault').value }));
  $('side-by-side').addEventListener('change', () => activate(activeGuid));
  $('new-ticket').addEventListener('click', async () => {
    const { ticket } = await post('/__sim/act', { action: 'create', agentId });
    await refreshState();
    openTab(ticket.id);
  });
  $('agent').addEventListener('change', () => {
    location.search = `?agent=${$('agent').value}`;
  });
  $('log').addEventListener('toggle', async () => {
    const log = await fetch('/__sim/log').then((r) => r.json());
    $('log-rows').replaceChildren(
      ...log.slice(-40).map((entry) => {
        const tr = document.createElement('tr');
        [
          new Date(entry.at).toISOString().slice(11, 19),
          entry.instance,
          entry.status,
          decodeURIComponent(entry.path),
        ].forEach((v) => {
          const td = document.createElement('td');
          td.textContent = String(v);
          tr.append(td);
        });
        return tr;
      }),
    );
  });

  refreshState().then(async () => {
    $('agent').replaceChildren(
      ...state.agents.map((a) => {
        const option = document.createElement('option');
        option.value = a.id;
        option.textContent = `${a.name}${a.role === 'admin' ? ' (admin)' : ''}`;
        option.selected = a.id === agentId;
        return option;
      }),
    );
    await renderSettingsForm();
    const first = state.openTickets[0];
    if (first) openTab(first.id);
    setInterval(refreshState, 5000);
  });
  window.__sim = { openTab, closeTab, activate, tabs, refreshState };
})();
