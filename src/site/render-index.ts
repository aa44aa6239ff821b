// index.html: every pipeline as static HTML (no script needed), so the list
// reads from file://, with JavaScript off and to a crawler alike.
import { type Html, html, page } from './html.js';
import { type IndexedPipeline, type ShownState, STATE_SYMBOL, stateLabel } from './model.js';

export function stateBadge(state: ShownState): Html {
  return html`<span class="badge s-${state}"><span aria-hidden="true">${STATE_SYMBOL[state]}</span> ${stateLabel(state)}</span>`;
}

export function percent(met: number, due: number): string {
  return due === 0 ? '—' : `${Math.floor((1000 * met) / due) / 10}%`;
}

function row(site: IndexedPipeline): Html {
  const { pipeline, partitions, reliability } = site;
  const latest = partitions[0];
  const slo30 = reliability.slo?.find((s) => s.days === 30);
  return html`<tr data-dag-id="${pipeline.dagId}">
<th scope="row"><a href="pipelines/${pipeline.dagId}/index.html">${pipeline.dagId}</a><div class="sub">${pipeline.description}</div></th>
<td data-field="owner" data-label="Owner">${pipeline.owner}</td>
<td data-field="schedule" data-label="Schedule"><code>${pipeline.schedule ?? 'manual'}</code> <span class="sub">${pipeline.timezone}</span></td>
<td data-field="freshness" data-label="Freshness target">${pipeline.freshness ? html`<time>${pipeline.freshness.deadline}</time> <span class="sub">${pipeline.timezone}</span>` : '—'}</td>
<td data-field="latest" data-label="Latest">${latest ? html`${latest.key} ${stateBadge(latest.latest.state)}` : stateBadge('none')}</td>
<td data-field="slo" data-label="On time (30 days)">${slo30 ? html`${percent(slo30.met, slo30.due)} <span class="sub">of ${slo30.due}</span>` : '—'}</td>
</tr>`;
}

export function renderIndex(sites: readonly IndexedPipeline[], builtAt: Date): string {
  const body = html`<header class="top"><h1>Data products</h1><p class="sub">${sites.length} pipeline${sites.length === 1 ? '' : 's'} · built ${builtAt.toISOString()}</p></header>
<main>
<div class="scroll">
<table class="pipelines">
<caption>Pipelines, their owners, schedules, freshness targets and latest state</caption>
<thead><tr><th scope="col">Pipeline</th><th scope="col">Owner</th><th scope="col">Schedule</th><th scope="col">Freshness target</th><th scope="col">Latest</th><th scope="col">Published on time (30 days)</th></tr></thead>
<tbody>
${sites.map(row)}
</tbody>
</table>
</div>
</main>`;
  return page({ title: 'pipewright — data products', root: '', body });
}
