// The simulator's host page: plays Zendesk's side of the ZAF protocol for each ticket tab's app iframe
// (handshake, app.registered, get/set/invoke, on/trigger events, request proxied to the fake API), and offers
// the agent and admin controls. The control API (/__sim/...) can drive the page through server-sent events.
(function () {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  /** One per ticket tab: { guid, ticketId, iframe, registered, subscriptions: {eventName: count} }. */
  const tabs = [];
  const tickets = new Map(); // ticket id → summary from /__sim/ticket, for `get('ticket.*')` and the pane
  let agentId = Number(params.get('agent') || 3720451);
  let activeGuid = null;
  let state = null;
  let manifest = null;
  let translations = null;
  let eventsConnected = false;
  // The built app, or the probe (a tiny SDK client) before `npm run build:sim` or with ?app=probe.
  let appUrl = '/app/assets/iframe.html';
  /** The workspace's colour scheme, as Zendesk passes it to apps (URL parameter, `colorScheme`, its change event). */
  let colorScheme = params.get('colorScheme') === 'dark' ? 'dark' : 'light';

  const post = (path, body) =>
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {}),
    }).then((r) => r.json());

  const getJson = (path) => fetch(path).then((r) => (r.ok ? r.json() : null));

  async function refreshTickets() {
    const ids = [...new Set(tabs.map((t) => t.ticketId))];
    await Promise.all(
      ids.map(async (id) => {
        const answer = await getJson(`/__sim/ticket?id=${id}`);
        if (answer) tickets.set(id, answer.ticket);
      }),
    );
  }

  async function refreshState() {
    state = await getJson(`/__sim/state?agent=${agentId}`);
    // The app's clock (sim-clock.js in the iframe) follows the simulator's, read from here, plus any skew
    // set through the control API (an agent's computer clock that is wrong, or moved back).
    window.__simOffsetMs = state.offsetMs + (state.appClockSkewMs || 0);
    const zone = state.currentUser.timeZone.ianaName;
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(state.now);
    $('clock').textContent =
      `${new Date(state.now).toISOString().replace('T', ' ').slice(0, 16)} UTC · ${local} in ${zone}`;
    $('clock').dateTime = new Date(state.now).toISOString();
    if (document.activeElement !== $('lag')) $('lag').value = state.config.indexLagSeconds;
    if (document.activeElement !== $('budget')) $('budget').value = state.config.budgetPerMinute;
    $('fault').value = state.config.fault;
    $('request-count').textContent = String(state.requestCount);
    await refreshTickets();
    renderTickets();
    if ($('log').open) await renderLog();
    return state;
  }

  let refreshTimer = null;
  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refreshState(), 50);
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
    $('open-tickets').replaceChildren(
      ...state.openTickets.slice(0, 12).map((t) => {
        const li = document.createElement('li');
        li.append(
          button(`Open #${t.id}`, () => openTab(t.id), { 'data-testid': `open-ticket-${t.id}` }),
          ` ${t.subject} (${t.status})`,
        );
        return li;
      }),
    );
    $('recently-solved').replaceChildren(
      ...state.recentlySolved.map((t) => {
        const li = document.createElement('li');
        li.append(
          button(`Open #${t.id}`, () => openTab(t.id), { 'data-testid': `open-ticket-${t.id}` }),
          ` ${t.subject} — rating: ${t.satisfaction} `,
          button('Rate good', () => act('rate', t.id, 'good'), {
            'data-testid': `rate-good-${t.id}`,
            'aria-label': `Customer rates #${t.id} good`,
          }),
          button('Rate bad', () => act('rate', t.id, 'bad'), {
            'data-testid': `rate-bad-${t.id}`,
            'aria-label': `Customer rates #${t.id} bad`,
          }),
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
        wrapper.className = 'tab';
        wrapper.append(
          button(`#${tab.ticketId}`, () => activate(tab.guid), {
            role: 'tab',
            id: `tab-${tab.guid}`,
            'aria-selected': String(tab.guid === activeGuid),
            'aria-controls': 'ticket-pane',
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
    $('tab-count').textContent = String(tabs.length);
    const active = tabs.find((t) => t.guid === activeGuid);
    const pane = $('ticket-pane');
    if (!active) {
      pane.removeAttribute('aria-labelledby');
      return pane.replaceChildren('No ticket open. Open one from the list.');
    }
    pane.setAttribute('aria-labelledby', `tab-${active.guid}`);
    const ticket = tickets.get(active.ticketId);
    const isSolved = ticket && (ticket.status === 'solved' || ticket.status === 'closed');
    const heading = document.createElement('p');
    heading.dataset.testid = 'ticket-heading';
    heading.textContent = `Ticket #${active.ticketId} — ${ticket ? `${ticket.subject} (${ticket.status})` : ''}`;
    const actions = isSolved
      ? [
          button('Customer rates good', () => act('rate', active.ticketId, 'good'), {
            'data-testid': 'rate-good',
          }),
          button('Customer rates bad', () => act('rate', active.ticketId, 'bad'), {
            'data-testid': 'rate-bad',
          }),
        ]
      : [
          button('Reply (public)', () => act('reply', active.ticketId), { 'data-testid': 'reply' }),
          button('Submit as Solved', () => act('solve', active.ticketId), { 'data-testid': 'solve' }),
        ];
    pane.replaceChildren(heading, ...actions);
  }

  async function act(action, ticketId, score) {
    await post('/__sim/act', { action, ticketId, score, agentId });
    await refreshState();
    // Zendesk tells the app in the tab where the agent saved the ticket; a customer's rating is no save.
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
    ticketId = Number(ticketId);
    const existing = tabs.find((t) => t.ticketId === ticketId);
    if (existing) return activate(existing.guid);
    const guid = `sim-${Math.random().toString(36).slice(2, 10)}`;
    const iframe = document.createElement('iframe');
    iframe.title = `Goalpost sidebar for ticket #${ticketId}`;
    iframe.dataset.testid = `sidebar-${ticketId}`;
    iframe.src = `${appUrl}?origin=${encodeURIComponent(location.origin)}&app_guid=${guid}&colorScheme=${colorScheme}`;
    const tab = { guid, ticketId, iframe, registered: false, subscriptions: {} };
    tabs.push(tab);
    $('sidebars').append(iframe);
    activate(guid);
    void refreshTickets().then(renderTabs);
  }

  function closeTab(guid) {
    const index = tabs.findIndex((t) => t.guid === guid);
    if (index < 0) return;
    const [tab] = tabs.splice(index, 1);
    send(tab, { key: 'zaf.app.willDestroy', message: {} });
    // Give the app a moment to clean up, as Zendesk does, before its iframe goes.
    setTimeout(() => tab.iframe.remove(), 50);
    if (activeGuid === guid) activeGuid = tabs[0] ? tabs[0].guid : null;
    activate(activeGuid);
  }

  /** Shows one tab's sidebar (or all side by side); only shown sidebars are active, as in Zendesk. */
  function activate(guid) {
    const sideBySide = $('side-by-side').checked;
    $('sidebars').classList.toggle('side-by-side', sideBySide);
    tabs.forEach((tab) => {
      const wasVisible = !tab.iframe.hidden;
      tab.iframe.hidden = !(tab.guid === guid || sideBySide);
      if (tab.registered && wasVisible !== !tab.iframe.hidden)
        send(tab, {
          key: tab.iframe.hidden ? 'zaf.app.deactivated' : 'zaf.app.activated',
          message: tab.iframe.hidden ? {} : { firstLoad: false },
        });
    });
    activeGuid = guid;
    renderTabs();
  }

  function reloadSidebars() {
    const open = tabs.map((t) => t.ticketId);
    const active = tabs.find((t) => t.guid === activeGuid);
    tabs.slice().forEach((t) => closeTab(t.guid));
    setTimeout(() => {
      open.forEach((id) => openTab(id));
      if (active) openTab(active.ticketId);
    }, 100);
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
          version: manifest ? manifest.version : '0.1.0',
          settings: state.settings,
        },
        context: contextOf(tab),
      },
    });
    if (tab.iframe.hidden) send(tab, { key: 'zaf.app.deactivated', message: {} });
    else send(tab, { key: 'zaf.app.activated', message: { firstLoad: true } });
  }

  function contextOf(tab) {
    return {
      instanceGuid: tab.guid,
      product: 'support',
      account: { subdomain: state.account.subdomain },
      location: tab.location || 'ticket_sidebar',
      ticketId: tab.location === 'nav_bar' ? undefined : tab.ticketId,
    };
  }

  function groupOf(id) {
    const group = state.groups.find((g) => g.id === id);
    return group ? { id: group.id, name: group.name } : null;
  }

  function ticketObject(ticket) {
    const assignee = state.agents.find((a) => a.id === ticket.assigneeId);
    return {
      id: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      createdAt: new Date(ticket.createdAt).toISOString(),
      updatedAt: new Date(ticket.updatedAt).toISOString(),
      requester: { id: ticket.requesterId },
      assignee: {
        user: assignee ? { id: assignee.id, name: assignee.name } : null,
        group: groupOf(ticket.groupId),
      },
    };
  }

  /** Reads a dotted path (`ticket.assignee.user.id`) from the ticket object; undefined if there is none. */
  function dig(object, path) {
    return path.reduce((value, key) => (value && typeof value === 'object' ? value[key] : undefined), object);
  }

  async function answerGet(tab, paths) {
    const result = { errors: {} };
    const ticket = tickets.get(tab.ticketId) || (await getJson(`/__sim/ticket?id=${tab.ticketId}`))?.ticket;
    for (const path of paths) {
      const parts = path.split('.');
      let value;
      // `?locale=fr` tries the app in another language as this agent (Zendesk's own profile setting).
      if (path === 'currentUser')
        value = params.get('locale')
          ? { ...state.currentUser, locale: params.get('locale') }
          : state.currentUser;
      else if (path === 'colorScheme') value = colorScheme;
      else if (path === 'currentAccount')
        value = {
          subdomain: state.account.subdomain,
          planName: state.account.planName,
          timeZone: { ianaName: state.account.timeZone },
        };
      else if (path === 'instances') value = Object.fromEntries(tabs.map((t) => [t.guid, contextOf(t)]));
      else if (parts[0] === 'instances' && parts.length === 2) {
        const other = tabs.find((t) => t.guid === parts[1]);
        value = other ? contextOf(other) : undefined;
      } else if (parts[0] === 'ticket' && ticket) value = dig(ticketObject(ticket), parts.slice(1));
      if (value === undefined)
        result.errors[path] = { message: 'Could not find the path', name: 'PathNotFoundError', path };
      else result[path] = value;
    }
    return result;
  }

  function answerInvoke(tab, actions) {
    const result = { errors: {} };
    for (const [name, args] of Object.entries(actions)) {
      if (name === 'resize') {
        const size = args[0] || {};
        const height = parseInt(String(size.height || '200'), 10);
        if (Number.isFinite(height)) tab.iframe.style.height = `${Math.min(Math.max(height, 80), 2000)}px`;
        result[name] = null;
      } else if (name === 'routeTo' && args[0] === 'ticket') {
        openTab(Number(args[1]));
        result[name] = null;
      } else if (name === 'routeTo' && args[0] === 'nav_bar') {
        openNavPage();
        result[name] = null;
      } else result.errors[name] = { message: `${name} is not emulated`, name: 'Error', path: name };
    }
    return result;
  }

  async function answerRequest(tab, key, options) {
    const answer = await post('/__sim/zendesk', {
      agentId,
      instance: String(tab.ticketId),
      url: options.url,
      method: options.type || 'GET',
      body: typeof options.data === 'string' ? options.data : undefined,
      timeout: options.timeout,
    });
    const ok = answer.status >= 200 && answer.status < 300;
    // Success: the complete response when asked for, else jQuery's (data, textStatus, jqXHR). Failure: the jqXHR.
    const responseArgs = !ok
      ? [answer]
      : options.httpCompleteResponse
        ? [answer]
        : [answer.responseJSON !== undefined ? answer.responseJSON : answer.responseText, 'success', answer];
    send(tab, { key: `zaf.${key}.${ok ? 'done' : 'fail'}`, message: { responseArgs } });
    $('request-count').textContent = String(Number($('request-count').textContent) + 1);
  }

  /** `client.trigger` / `client.instance(guid).trigger`: the event goes to that instance of the app. */
  function relayTrigger(tab, name, data) {
    const target = tabs.find((t) => t.guid === (data.instanceGuid || tab.guid)) || tab;
    send(target, { key: `zaf.${name}`, message: data.message });
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin) return;
    const tab =
      tabs.find((t) => t.iframe.contentWindow === event.source) ||
      (navPage && navPage.iframe.contentWindow === event.source ? navPage : null);
    if (!tab || typeof event.data !== 'string') return;
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    const key = typeof data.key === 'string' ? data.key : '';
    if (key === 'iframe.handshake') return register(tab);
    if (key.startsWith('request:')) return void answerRequest(tab, key, data.message || {});
    if (key.startsWith('iframe.on:')) {
      tab.subscriptions[key.slice(10)] = (data.message || {}).subscriberCount || 0;
      return;
    }
    if (key.startsWith('iframe.off:')) {
      tab.subscriptions[key.slice(11)] = (data.message || {}).subscriberCount || 0;
      return;
    }
    if (key.startsWith('iframe.trigger:')) return relayTrigger(tab, key.slice(15), data);
    if (data.request === 'get')
      return void answerGet(tab, data.params).then((result) => send(tab, { id: data.id, result }));
    if (data.request === 'invoke') return send(tab, { id: data.id, result: answerInvoke(tab, data.params) });
    if (data.request)
      send(tab, { id: data.id, error: { message: `${data.request} is not emulated`, name: 'Error' } });
  });

  // --- admin panel ---

  async function renderSettingsForm() {
    manifest = await getJson('/app/manifest.json');
    translations = await getJson('/app/translations/en.json');
    const form = $('settings-form');
    form.replaceChildren();
    if (!manifest) return form.append('No manifest.json found.');
    const texts = (translations && translations.app && translations.app.parameters) || {};
    for (const parameter of manifest.parameters || []) {
      // Zendesk shows hidden parameters to no one; they still keep their value.
      if (parameter.type === 'hidden') continue;
      const text = texts[parameter.name] || {};
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = `setting-${parameter.name}`;
      label.textContent = text.label || parameter.name;
      let input;
      if (parameter.type === 'multiline') {
        input = document.createElement('textarea');
        input.rows = 8;
        input.spellcheck = false;
      } else {
        input = document.createElement('input');
        input.type = { checkbox: 'checkbox', number: 'number', url: 'url' }[parameter.type] || 'text';
      }
      input.id = `setting-${parameter.name}`;
      input.name = parameter.name;
      input.dataset.testid = `setting-${parameter.name}`;
      if (parameter.required) input.required = true;
      const value = parameter.name in state.settings ? state.settings[parameter.name] : parameter.default;
      if (input.type === 'checkbox') input.checked = value === true || value === 'true';
      else input.value = value === undefined || value === null ? '' : String(value);
      if (input.type === 'checkbox') field.append(input, label);
      else field.append(label, input);
      if (text.helpText) {
        const help = document.createElement('div');
        help.className = 'help';
        help.id = `setting-${parameter.name}-help`;
        help.textContent = text.helpText;
        input.setAttribute('aria-describedby', help.id);
        field.append(help);
      }
      form.append(field);
    }
    const status = document.createElement('span');
    status.id = 'settings-status';
    status.setAttribute('role', 'status');
    form.append(button('Save settings', saveSettings, { 'data-testid': 'save-settings' }), status);
  }

  async function saveSettings() {
    const settings = {};
    for (const parameter of manifest.parameters || []) {
      const input = $(`setting-${parameter.name}`);
      if (!input) {
        if (parameter.name in state.settings) settings[parameter.name] = state.settings[parameter.name];
        continue;
      }
      settings[parameter.name] =
        input.type === 'checkbox'
          ? input.checked
          : parameter.type === 'number' && input.value !== ''
            ? Number(input.value)
            : input.value;
    }
    await post('/__sim/settings', { settings });
    await refreshState();
    $('settings-status').textContent = 'Saved. The open sidebars reload with the new settings.';
    // The server tells every connected page to reload its sidebars; without that channel, do it here.
    if (!eventsConnected) reloadSidebars();
  }

  // --- request log ---

  async function renderLog() {
    const log = await getJson('/__sim/log');
    $('request-count').textContent = String(log.length);
    $('log-rows').replaceChildren(
      ...log.slice(-50).map((entry) => {
        const tr = document.createElement('tr');
        tr.dataset.testid = 'request-log-row';
        [
          new Date(entry.at).toISOString().slice(11, 19),
          entry.instance,
          entry.method,
          entry.status === 0 ? 'timeout' : entry.status,
          decodeURIComponent(entry.path),
        ].forEach((v) => {
          const td = document.createElement('td');
          td.textContent = String(v);
          tr.append(td);
        });
        return tr;
      }),
    );
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
  /** The app's nav_bar page (the goal studio), at most one, as Zendesk shows it from the left-hand bar. */
  let navPage = null;
  function openNavPage() {
    if (navPage) navPage.iframe.remove();
    const guid = `sim-nav-${Math.random().toString(36).slice(2, 10)}`;
    const iframe = document.createElement('iframe');
    iframe.title = 'Goalpost page';
    iframe.dataset.testid = 'nav-page-frame';
    iframe.src = `${appUrl}?origin=${encodeURIComponent(location.origin)}&app_guid=${guid}&colorScheme=${colorScheme}`;
    navPage = {
      guid,
      ticketId: 'nav_bar',
      location: 'nav_bar',
      iframe,
      registered: false,
      subscriptions: {},
    };
    $('nav-page').replaceChildren(iframe);
  }
  $('open-nav-page').addEventListener('click', openNavPage);
  $('dark-workspace').checked = colorScheme === 'dark';
  $('dark-workspace').addEventListener('change', () => {
    colorScheme = $('dark-workspace').checked ? 'dark' : 'light';
    document.documentElement.dataset.colorScheme = colorScheme;
    for (const tab of [...tabs, ...(navPage ? [navPage] : [])])
      send(tab, { key: 'zaf.colorScheme.changed', message: colorScheme });
  });

  $('new-ticket').addEventListener('click', async () => {
    const { ticket } = await post('/__sim/act', { action: 'create', agentId });
    await refreshState();
    openTab(ticket.id);
  });
  $('agent').addEventListener('change', () => {
    params.set('agent', $('agent').value);
    location.search = params.toString();
  });
  $('log').addEventListener('toggle', () => {
    if ($('log').open) void renderLog();
  });
  $('clear-log').addEventListener('click', async () => {
    await post('/__sim/log/clear');
    await refreshState();
    await renderLog();
  });

  function runCommand(command) {
    if (command.command === 'openTab') openTab(command.ticketId);
    else if (command.command === 'closeTab') {
      const tab = tabs.find((t) => t.ticketId === Number(command.ticketId));
      if (tab) closeTab(tab.guid);
    } else if (command.command === 'activateTab') {
      const tab = tabs.find((t) => t.ticketId === Number(command.ticketId));
      if (tab) activate(tab.guid);
    } else if (command.command === 'sideBySide') {
      $('side-by-side').checked = command.on !== false;
      activate(activeGuid);
    } else if (command.command === 'selectAgent') {
      params.set('agent', String(command.agentId));
      location.search = params.toString();
    } else if (command.command === 'reloadSidebars') void refreshState().then(reloadSidebars);
  }

  function listen() {
    const events = new EventSource('/__sim/events');
    events.addEventListener('open', () => (eventsConnected = true));
    events.addEventListener('error', () => (eventsConnected = false));
    events.addEventListener('changed', refreshSoon);
    events.addEventListener('command', (event) => runCommand(JSON.parse(event.data)));
  }

  refreshState().then(async () => {
    if (params.get('app') === 'probe' || !state.appBuilt) appUrl = '/sim/probe.html';
    // `npm run bench:ui` opens its Garden hello pages where the app's sidebar would be, on the same host page.
    else if (/^hello[A-Za-z]+$/.test(params.get('benchPage') || ''))
      appUrl = `/app/hello/${params.get('benchPage')}.html`;
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
    listen();
    const first = params.get('ticket') ? Number(params.get('ticket')) : state.openTickets[0]?.id;
    if (first) openTab(first);
    // The clock runs on; a slow poll keeps the page current even without server-sent events.
    setInterval(refreshState, 5000);
    document.body.dataset.ready = 'true';
  });
  window.__sim = { openTab, closeTab, activate, reloadSidebars, tabs, refreshState };
})();
