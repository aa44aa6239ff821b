// pipewright site: draws a pipeline's grid from window.pipewrightGrid (grid.js)
// and opens a partition's runs from runs/<chunk>.js, loaded on demand as a
// classic script, so the page works from file:// and under a strict CSP (no
// fetch, no modules, no inline handlers, no style attributes).
(() => {
  const data = window.pipewrightGrid;
  const host = document.getElementById('grid-cells');
  const panel = document.getElementById('partition');
  const filter = document.getElementById('grid-filter');
  if (!data || !host || !panel) return;

  const SYMBOL = {
    success: '✓',
    failed: '✗',
    running: '▶',
    deferred: '…',
    up_for_retry: '↻',
    upstream_failed: '!',
    skipped: '–',
    none: '·',
  };
  const SVG = 'http://www.w3.org/2000/svg';

  /** An element with attributes and children (strings become text nodes, never markup). */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
    }
    for (const child of children || []) {
      if (child !== undefined && child !== null && child !== false)
        node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
    }
    return node;
  }

  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
    for (const child of children || []) node.append(child);
    return node;
  }

  function label(state) {
    return state === 'none' ? 'no run' : state.replaceAll('_', ' ');
  }

  function badge(state) {
    return el('span', { class: `badge s-${state}` }, [
      el('span', { 'aria-hidden': 'true' }, [SYMBOL[state] || '?']),
      ` ${label(state)}`,
    ]);
  }

  function duration(ms) {
    if (ms === null || ms === undefined) return '—';
    if (ms < 1000) return `${Math.round(ms)}ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(ms < 10000 ? 1 : 0)}s`;
    const total = Math.round(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s).padStart(2, '0')}s`;
  }

  // ---- the grid: one row per partition, one square per run, roving tabindex ----
  const rows = [];
  const fragment = document.createDocumentFragment();
  data.partitions.forEach(([key, runs], index) => {
    const latest = runs.length ? data.states[runs[runs.length - 1][0]] : 'none';
    const row = el('div', {
      role: 'row',
      class: 'grid-row',
      'data-partition': key,
      'data-state': latest,
      'aria-rowindex': index + 1,
    });
    row.append(
      el(
        'button',
        {
          type: 'button',
          role: 'gridcell',
          class: 'partition-key',
          tabindex: index === 0 ? 0 : -1,
          'data-partition': key,
          'data-state': latest,
          'aria-label': `${key}: ${label(latest)}, ${runs.length} run${runs.length === 1 ? '' : 's'}`,
          title: `${key}: ${label(latest)}`,
        },
        [key],
      ),
    );
    runs.forEach(([stateIndex, ms, triggerIndex], runIndex) => {
      const state = data.states[stateIndex] || 'none';
      const text = `${key} run ${runIndex + 1} of ${runs.length}: ${label(state)}, ${duration(ms)}, ${data.triggers[triggerIndex] || ''}`;
      row.append(
        el(
          'button',
          {
            type: 'button',
            role: 'gridcell',
            class: `cell s-${state}`,
            tabindex: -1,
            'data-partition': key,
            'data-run': runIndex,
            'data-state': state,
            'aria-label': text,
            title: text,
          },
          [SYMBOL[state] || '?'],
        ),
      );
    });
    rows.push(row);
    fragment.append(row);
  });
  host.replaceChildren(fragment);
  if (rows.length === 0) host.append(el('p', { class: 'sub' }, ['No runs in the ledger yet.']));

  function visibleRows() {
    return rows.filter((r) => !r.hidden);
  }

  function focusCell(cell) {
    if (!cell) return;
    for (const old of host.querySelectorAll('[tabindex="0"]')) old.setAttribute('tabindex', '-1');
    cell.setAttribute('tabindex', '0');
    cell.focus();
  }

  host.addEventListener('keydown', (event) => {
    const cell = event.target.closest('button');
    if (!cell) return;
    const row = cell.parentElement;
    const column = Array.prototype.indexOf.call(row.children, cell);
    const shown = visibleRows();
    const at = shown.indexOf(row);
    const inRow = (r) => (r ? r.children[Math.min(column, r.children.length - 1)] : undefined);
    const moves = {
      ArrowRight: () => cell.nextElementSibling,
      ArrowLeft: () => cell.previousElementSibling,
      ArrowDown: () => inRow(shown[at + 1]),
      ArrowUp: () => inRow(shown[at - 1]),
      PageDown: () => inRow(shown[Math.min(at + 10, shown.length - 1)]),
      PageUp: () => inRow(shown[Math.max(at - 10, 0)]),
      Home: () => (event.ctrlKey ? shown[0]?.firstElementChild : row.firstElementChild),
      End: () => (event.ctrlKey ? inRow(shown[shown.length - 1]) : row.lastElementChild),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    focusCell(move());
  });

  host.addEventListener('click', (event) => {
    const cell = event.target.closest('button');
    if (!cell) return;
    focusCell(cell);
    const run = cell.getAttribute('data-run');
    open(cell.getAttribute('data-partition'), run === null ? undefined : Number(run));
  });

  if (filter) {
    filter.addEventListener('change', () => {
      for (const row of rows) row.hidden = filter.value !== '' && row.getAttribute('data-state') !== filter.value;
      const first = visibleRows()[0];
      if (first) {
        for (const old of host.querySelectorAll('[tabindex="0"]')) old.setAttribute('tabindex', '-1');
        first.firstElementChild.setAttribute('tabindex', '0');
      }
    });
  }

  // ---- a partition's details, from runs/<chunk>.js ----
  const waiting = {};

  function loadChunk(chunk, done) {
    const loaded = window.pipewrightRuns;
    if (loaded?.[chunk]) return done(loaded[chunk]);
    if (waiting[chunk]) return waiting[chunk].push(done);
    waiting[chunk] = [done];
    const script = document.createElement('script');
    script.src = `runs/${chunk}.js`;
    script.addEventListener('load', () => {
      const callbacks = waiting[chunk];
      delete waiting[chunk];
      for (const callback of callbacks) callback(window.pipewrightRuns?.[chunk] || {});
    });
    script.addEventListener('error', () => {
      delete waiting[chunk];
      panel.replaceChildren(el('p', { class: 'warn' }, [`Could not load runs/${chunk}.js: rebuild the site.`]));
    });
    document.head.append(script);
  }

  function open(key, runIndex) {
    panel.replaceChildren(el('h3', {}, [key]), el('p', { class: 'sub' }, ['Loading…']));
    loadChunk(key.slice(0, 7), (chunk) => {
      showPartition(key, chunk[key] || { data_interval: [], runs: [] }, runIndex);
      if (window.history?.replaceState) window.history.replaceState(null, '', `#partition=${encodeURIComponent(key)}`);
    });
  }

  function table(caption, head, body) {
    return el('div', { class: 'scroll' }, [
      el('table', {}, [
        el('caption', {}, [caption]),
        el('thead', {}, [
          el(
            'tr',
            {},
            head.map((h) => el('th', { scope: 'col' }, [h])),
          ),
        ]),
        el('tbody', {}, body),
      ]),
    ]);
  }

  /** Tuples in runs/<chunk>.js (see src/site/data-files.ts) as named fields. */
  function taskOf([id, state, attempts, durationMs, startMs, failureClass, error]) {
    return { id, state, attempts, durationMs, startMs, failureClass, error };
  }

  function checkOf([name, dataset, status, severity, details]) {
    return { name, dataset, status, severity, details };
  }

  function gantt(tasks) {
    const timed = tasks.filter((t) => t.startMs !== null);
    if (timed.length === 0) return null;
    const end = Math.max(...timed.map((t) => t.startMs + t.durationMs));
    const total = Math.max(end, 1);
    const LABEL = 190;
    const WIDTH = 600;
    const ROW = 20;
    const span = WIDTH - LABEL - 10;
    const chart = svg('svg', {
      class: 'gantt',
      viewBox: `0 0 ${WIDTH} ${timed.length * ROW + 20}`,
      role: 'img',
      'aria-label': `Gantt chart of ${timed.length} tasks over ${duration(end)}`,
    });
    timed.forEach((task, i) => {
      const name = svg('text', { x: 0, y: i * ROW + 14, class: 'gantt-label' });
      name.textContent = task.id;
      const bar = svg('rect', {
        x: (LABEL + (span * task.startMs) / total).toFixed(1),
        y: i * ROW + 4,
        width: Math.max((span * task.durationMs) / total, 2).toFixed(1),
        height: ROW - 8,
        class: `g-${task.state}`,
      });
      const tip = svg('title');
      tip.textContent = `${task.id}: ${label(task.state)}, ${duration(task.durationMs)}`;
      bar.append(tip);
      chart.append(name, bar);
    });
    const axis = svg('text', { x: WIDTH - 10, y: timed.length * ROW + 16, class: 'gantt-axis', 'text-anchor': 'end' });
    axis.textContent = `total ${duration(end)}`;
    chart.append(axis);
    return chart;
  }

  function showRun(run, number, count, expanded) {
    const metrics = Object.entries(run.metrics || {});
    const tasks = run.tasks.map(taskOf);
    const checks = run.checks.map(checkOf);
    const body = [
      el('p', {}, [el('strong', {}, ['Reason: ']), run.reason || '—']),
      el('p', { class: 'sub' }, [
        `run ${run.run_id} · ${run.trigger} · started ${run.started_at}${run.ended_at ? ` · ended ${run.ended_at}` : ''}${run.code_version ? ` · code ${run.code_version}` : ''}`,
      ]),
      run.abandoned ? el('p', { class: 'warn' }, ['The run was killed before it finished.']) : null,
      table(
        'Tasks',
        ['Task', 'State', 'Attempts', 'Duration', 'Failure class', 'Error'],
        tasks.map((t) =>
          el('tr', { 'data-task': t.id, 'data-state': t.state }, [
            el('th', { scope: 'row' }, [t.id]),
            el('td', {}, [badge(t.state)]),
            el('td', {}, [t.attempts]),
            el('td', {}, [duration(t.durationMs)]),
            el('td', {}, [t.failureClass || '—']),
            el('td', { class: 'error' }, [t.error || '']),
          ]),
        ),
      ),
      gantt(tasks),
      checks.length
        ? table(
            'Checks',
            ['Check', 'Dataset', 'Status', 'Severity', 'Details'],
            checks.map((c) =>
              el('tr', { 'data-status': c.status }, [
                el('th', { scope: 'row' }, [c.name]),
                el('td', {}, [c.dataset]),
                el('td', {}, [el('span', { class: `badge c-${c.status}` }, [c.status])]),
                el('td', {}, [c.severity]),
                el('td', {}, [c.details]),
              ]),
            ),
          )
        : el('p', { class: 'sub' }, ['No checks ran.']),
      metrics.length
        ? table(
            'Metrics',
            ['Metric', 'Value'],
            metrics.map(([k, v]) => el('tr', {}, [el('th', { scope: 'row' }, [k]), el('td', {}, [String(v)])])),
          )
        : null,
    ];
    return el(
      'details',
      { class: 'run', open: expanded ? '' : null, 'data-run-id': run.run_id, 'data-state': run.state },
      [
        el('summary', {}, [`Run ${number} of ${count} `, badge(run.state), ` ${run.trigger} · ${run.started_at}`]),
        ...body,
      ],
    );
  }

  function showPartition(key, partition, runIndex) {
    const runs = partition.runs;
    const chosen = runIndex === undefined ? runs.length - 1 : runIndex;
    const latest = runs[runs.length - 1];
    const articles = runs.map((run, i) => showRun(run, i + 1, runs.length, i === chosen)).reverse();
    const heading = el('h3', { 'data-partition': key }, [key, ' ', badge(latest ? latest.state : 'none')]);
    const interval = latest
      ? el('p', { class: 'sub' }, [`data interval ${partition.data_interval[0]} → ${partition.data_interval[1]}`])
      : el('p', { class: 'sub' }, ['No runs recorded.']);
    panel.replaceChildren(heading, interval, ...articles);
    panel.scrollIntoView({ block: 'nearest' });
  }

  const linked = /^#partition=(.+)$/.exec(window.location.hash);
  if (linked) open(decodeURIComponent(linked[1]));
})();
