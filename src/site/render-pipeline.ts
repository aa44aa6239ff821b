// pipelines/<dag_id>/index.html: catalog, grid, freshness and reliability, trends.
// Everything but the grid is static HTML; the grid is drawn by site.js from
// grid.js, and a partition's details load from runs/<chunk>.js when opened.

import { describeTask } from '../contract/diff.js';
import type { Pipeline, Task } from '../contract/model.js';
import { formatDuration } from '../run/duration.js';
import type { PublishedOutput } from './catalog.js';
import { formatNumber, heatRow, sparkline, trendSummary } from './charts.js';
import { type Html, html, page } from './html.js';
import { type ShownState, type SitePipeline, STATE_SYMBOL, stateLabel } from './model.js';
import type { Reliability } from './reliability.js';
import { percent, stateBadge } from './render-index.js';
import type { Trend } from './trends.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
const LEGEND: ShownState[] = ['success', 'failed', 'running', 'deferred', 'none'];

function taskKind(task: Task): string {
  const rules = task.spec.kind === 'checks' ? ` (${task.spec.rules.length} rules)` : '';
  return `${describeTask(task)}${rules}`;
}

function outputRow(output: PublishedOutput): Html {
  const e = output.entry;
  return html`<tr><th scope="row">${output.name}</th><td><code>${output.template}</code></td>
<td>${output.partition ?? '—'}</td><td>${e ? formatNumber(e.rows) : '—'}</td><td>${e ? formatNumber(e.bytes) : '—'}</td>
<td>${e ? html`<code title="${e.sha256}">${e.sha256.slice(0, 12)}…</code>` : output.path ? 'no manifest' : '—'}</td><td>${e?.producedBy ?? '—'}</td></tr>`;
}

function catalog(site: SitePipeline): Html {
  const p: Pipeline = site.pipeline;
  return html`<section id="catalog" aria-labelledby="catalog-h"><h2 id="catalog-h">Catalog</h2>
<dl class="facts">
<dt>Owner</dt><dd data-field="owner">${p.owner}</dd>
<dt>Consumers</dt><dd data-field="consumers">${p.consumers?.length ? p.consumers.join(', ') : '—'}</dd>
<dt>Runbook</dt><dd data-field="runbook">${p.runbook ? html`<code>${p.runbook}</code>` : '—'}</dd>
<dt>Tags</dt><dd>${p.tags.length ? p.tags.map((t) => html`<span class="tag">${t}</span> `) : '—'}</dd>
<dt>Schedule</dt><dd><code>${p.schedule ?? 'manual only'}</code> in ${p.timezone}, ${p.partition} partitions from ${p.startDate}${p.endDate ? ` to ${p.endDate}` : ''}${p.catchup ? ', catch-up on' : ''}</dd>
<dt>Freshness target</dt><dd data-field="freshness">${p.freshness ? html`published by <time>${p.freshness.deadline}</time> ${p.timezone} on the day its tick runs` : 'none set'}</dd>
<dt>Alerts</dt><dd>${p.alerts.on.length ? p.alerts.on.join(', ') : 'none'}${p.alerts.labels.length ? ` · labels ${p.alerts.labels.join(', ')}` : ''}</dd>
</dl>
<h3>Inputs</h3>
<div class="scroll"><table><thead><tr><th scope="col">Name</th><th scope="col">Path</th></tr></thead><tbody>
${[...new Set([...Object.keys(p.inputs), ...Object.keys(p.from ?? {})])].map((name) => {
  const from = p.from?.[name];
  const path = p.inputs[name];
  return html`<tr><th scope="row">${name}</th><td>${from ? html`from <code>${from.dagId}.${from.output}</code> ` : ''}${path ? html`<code>${path}</code>` : ''}</td></tr>`;
})}
</tbody></table></div>
<h3>Outputs and their last published version</h3>
<div class="scroll"><table><thead><tr><th scope="col">Name</th><th scope="col">Path</th><th scope="col">Partition</th><th scope="col">Rows</th><th scope="col">Bytes</th><th scope="col">sha256</th><th scope="col">Run</th></tr></thead><tbody>
${site.outputs.map(outputRow)}
</tbody></table></div>
<h3>Tasks</h3>
<div class="scroll"><table><thead><tr><th scope="col">Task</th><th scope="col">Kind</th><th scope="col">Upstream</th><th scope="col">Retries</th><th scope="col">Timeout</th></tr></thead><tbody>
${p.tasks.map((t) => html`<tr><th scope="row">${t.id}</th><td><code>${taskKind(t)}</code></td><td>${t.upstream.join(', ') || '—'} <span class="sub">${t.triggerRule}</span></td><td>${t.policy.retries}</td><td>${formatDuration(t.policy.timeoutMs)}</td></tr>`)}
</tbody></table></div>
${site.runbook ? html`<details class="runbook"><summary>Runbook (README.md)</summary><pre>${site.runbook}</pre></details>` : ''}
</section>`;
}

function grid(site: SitePipeline): Html {
  const legend = LEGEND.map(
    (s) => html`<li><span class="cell s-${s}" aria-hidden="true">${STATE_SYMBOL[s]}</span> ${stateLabel(s)}</li>`,
  );
  return html`<section id="grid" aria-labelledby="grid-h"><h2 id="grid-h">Grid</h2>
<p class="sub">${site.partitions.length} partitions, newest first; each row is a partition, each square one of its runs (oldest left). Arrow keys move, Enter opens.</p>
<ul class="legend" aria-label="Legend">${legend}</ul>
<label class="filter">Show <select id="grid-filter"><option value="">all partitions</option><option value="failed">latest run failed</option><option value="running">latest run running</option><option value="deferred">latest run deferred</option><option value="success">latest run succeeded</option></select></label>
<div class="grid-layout">
<div id="grid-cells" class="grid" role="grid" aria-label="Partitions and their runs" aria-rowcount="${site.partitions.length}"><p class="sub">Loading the grid…</p></div>
<section id="partition" class="partition" aria-live="polite" tabindex="-1"><p class="sub">Open a partition to see its runs, task states, durations, checks, metrics and reasons.</p></section>
</div>
<noscript><p>The grid needs JavaScript; the catalog, reliability and trends above and below do not.</p></noscript>
</section>`;
}

function reliabilitySection(r: Reliability, pipeline: Pipeline): Html {
  const slo = r.slo
    ? html`<table class="slo"><caption>Published by ${pipeline.freshness!.deadline} ${pipeline.timezone}</caption><thead><tr><th scope="col">Window</th><th scope="col">On time</th><th scope="col">Due</th><th scope="col">Attainment</th></tr></thead><tbody>
${r.slo.map((s) => html`<tr data-window="${s.days}"><th scope="row">${s.days} days</th><td>${s.met}</td><td>${s.due}</td><td>${percent(s.met, s.due)}</td></tr>`)}
</tbody></table>`
    : html`<p>No freshness target in the contract.</p>`;
  const classes = Object.entries(r.byClass).sort(([, a], [, b]) => b - a);
  const classNames = [...new Set(r.byTask.flatMap((t) => Object.keys(t.classes)))].sort();
  return html`<section id="reliability" aria-labelledby="reliability-h"><h2 id="reliability-h">Freshness and reliability</h2>
${slo}
<p>${formatNumber(r.runs)} runs, ${formatNumber(r.failedRuns)} failed${classes.length ? html` · failed tasks by class: ${classes.map(([c, n]) => `${c} ${n}`).join(', ')}` : ''}.</p>
<div class="scroll"><table><caption>Failed task attempts per task</caption><thead><tr><th scope="col">Task</th><th scope="col">Failures</th>${classNames.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>
${r.byTask.map((t) => html`<tr><th scope="row">${t.task}</th><td>${t.failures}</td>${classNames.map((c) => html`<td>${t.classes[c] ?? 0}</td>`)}</tr>`)}
</tbody></table></div>
<div class="scroll">${heatRow(`Failures by weekday (run start, ${pipeline.timezone})`, WEEKDAYS, r.byWeekday)}</div>
<div class="scroll">${heatRow(`Failures by hour (run start, ${pipeline.timezone})`, HOURS, r.byHour)}</div>
</section>`;
}

function trendsSection(trends: readonly Trend[]): Html {
  const figures = trends.map(
    (t) =>
      html`<figure class="trend" data-metric="${t.metric}"><figcaption><strong>${t.metric}</strong> · median ${formatNumber(t.median)}${
        t.outliers.length
          ? html` · <span class="warn">${t.outliers.length} partition${t.outliers.length === 1 ? '' : 's'} 10× off the median: ${t.outliers
              .slice(0, 10)
              .map((o) => `${o.partition} (${formatNumber(o.value)})`)
              .join(', ')}${t.outliers.length > 10 ? ', …' : ''}</span>`
          : ''
      }</figcaption>${sparkline(t)}<p class="sub">${trendSummary(t)}</p></figure>`,
  );
  return html`<section id="trends" aria-labelledby="trends-h"><h2 id="trends-h">Trends</h2>
${trends.length ? figures : html`<p>No metrics recorded by a successful run yet.</p>`}
</section>`;
}

export function renderPipeline(site: SitePipeline): string {
  const p = site.pipeline;
  const latest = site.partitions[0];
  const body = html`<header class="top"><p><a href="../../index.html">← All data products</a></p>
<h1>${p.dagId}</h1><p>${p.description}</p>
<p>Latest: ${latest ? html`${latest.key} ${stateBadge(latest.latest.state)}` : stateBadge('none')}</p>
<nav aria-label="Sections"><a href="#catalog">Catalog</a> <a href="#grid">Grid</a> <a href="#reliability">Freshness and reliability</a> <a href="#trends">Trends</a></nav>
</header>
<main>
${catalog(site)}
${grid(site)}
${reliabilitySection(site.reliability, p)}
${trendsSection(site.trends)}
</main>`;
  return page({ title: `${p.dagId} — pipewright`, root: '../../', body, scripts: ['grid.js', '../../assets/site.js'] });
}
