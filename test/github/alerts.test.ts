import { spawn } from 'node:child_process';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  alertMarker,
  createGitHubClient,
  type FailureAlert,
  openOrUpdateAlert,
  renderAlertBody,
  resolveAlert,
} from '../../src/github/alerts.js';
import { REPO_ROOT, TSX_IMPORT } from '../support/act.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';

const TOKEN = 'ghs_test_token';
const ALERTS_MODULE = pathToFileURL(path.join(REPO_ROOT, 'src', 'github', 'alerts.ts')).href;

function failure(partition: string, extra: Partial<FailureAlert> = {}): FailureAlert {
  return {
    owner: 'turanmart',
    repo: 'data',
    dagId: 'turanmart_daily_sales',
    partition,
    task: 'validate_orders',
    failureClass: 'data',
    error: 'orders.csv: 3 rows with order_date outside 2026-05-02',
    runUrl: 'https://github.com/turanmart/data/actions/runs/42',
    pipelineOwner: 'data-platform',
    labels: ['data-incident'],
    ...extra,
  };
}

describe('alerts against a recording GitHub API', () => {
  let api: GitHubApiServer;
  beforeEach(async () => {
    api = await startGitHubApiServer({ token: TOKEN });
  });
  afterEach(async () => {
    await api.close();
  });
  const client = () => createGitHubClient({ token: TOKEN, baseUrl: api.url });

  it('opens one issue per partition, comments on repeat failures and closes on recovery', async () => {
    const first = await openOrUpdateAlert(failure('2026-05-02'), await client());
    expect(first).toMatchObject({ opened: 1, commented: 0, closed: 0 });

    const second = await openOrUpdateAlert(
      failure('2026-05-02', { failureClass: 'transient', error: 'HTTP 503' }),
      await client(),
    );
    expect(second).toMatchObject({ opened: 0, commented: 1, closed: 0, issueNumber: first.issueNumber });

    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual([
      '/repos/turanmart/data/issues',
      `/repos/turanmart/data/issues/${first.issueNumber}/comments`,
    ]);
    expect(api.issues).toHaveLength(1);
    // The lookup asked only for open pipewright issues, with the token.
    const lists = api.requests.filter((r) => r.method === 'GET');
    expect(lists[0]?.query).toMatchObject({ state: 'open', labels: 'pipewright' });
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);

    const created = posts[0]?.body as { title: string; body: string; labels: string[] };
    expect(created.labels).toEqual(['pipewright', 'data-incident']);
    expect(created.title).toBe('pipewright: turanmart_daily_sales 2026-05-02 failed (data)');
    expect(created.body).toContain(alertMarker('turanmart_daily_sales', '2026-05-02'));
    for (const fact of [
      '`validate_orders`',
      'data-platform',
      'https://github.com/turanmart/data/actions/runs/42',
      'After the source is fixed',
      'First action:',
      'order_date outside 2026-05-02',
    ]) {
      expect(created.body).toContain(fact);
    }
    expect(api.issues[0]?.comments[0]).toContain('Yes: the failure was transient.');

    const resolved = await resolveAlert(
      { owner: 'turanmart', repo: 'data', dagId: 'turanmart_daily_sales', partition: '2026-05-02' },
      await client(),
    );
    expect(resolved).toMatchObject({ opened: 0, commented: 0, closed: 1, issueNumber: first.issueNumber });
    const patch = api.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ state: 'closed', state_reason: 'completed' });
    expect(api.issues[0]?.state).toBe('closed');
    expect(api.issues[0]?.comments.at(-1)).toContain('succeeded');

    // Once closed, a later failure opens a fresh issue rather than reviving the old one.
    const again = await openOrUpdateAlert(failure('2026-05-02'), await client());
    expect(again.opened).toBe(1);
    expect(again.issueNumber).not.toBe(first.issueNumber);
  });

  it("goes through the runner's proxy (http_proxy), as on a self-hosted runner behind one", async () => {
    // A forwarding proxy that tunnels every CONNECT to the API stand-in, whatever host was asked for.
    const tunnels: string[] = [];
    const apiPort = new URL(api.url).port;
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const upstream = net.connect(Number(apiPort), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      // A runner's process sees its proxy and API in the environment from the start: a child process.
      // The host only the proxy can reach: without the proxy the request cannot be made at all.
      const script = `import { createGitHubClient, openOrUpdateAlert } from ${JSON.stringify(ALERTS_MODULE)};
        const alert = JSON.parse(process.env.ALERT);
        const result = await openOrUpdateAlert(alert, await createGitHubClient({ token: process.env.GITHUB_TOKEN }));
        console.log(JSON.stringify(result));`;
      const child = spawn(process.execPath, ['--import', TSX_IMPORT, '--input-type=module', '-e', script], {
        env: {
          PATH: process.env.PATH ?? '',
          GITHUB_TOKEN: TOKEN,
          GITHUB_API_URL: `http://api.github.invalid:${apiPort}`,
          http_proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
          ALERT: JSON.stringify(failure('2026-05-02')),
        },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        out += d.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, out).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ opened: 1 });
      expect(tunnels).toContain(`api.github.invalid:${apiPort}`);
      expect(api.issues).toHaveLength(1);
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('gives two partitions two issues', async () => {
    const a = await openOrUpdateAlert(failure('2026-05-02'), await client());
    const b = await openOrUpdateAlert(failure('2026-05-03'), await client());
    await openOrUpdateAlert(failure('2026-05-03'), await client());
    expect(a.opened + b.opened).toBe(2);
    expect(api.issues.map((i) => [i.title, i.comments.length])).toEqual([
      ['pipewright: turanmart_daily_sales 2026-05-02 failed (data)', 0],
      ['pipewright: turanmart_daily_sales 2026-05-03 failed (data)', 1],
    ]);
  });

  it('finds the open alert on a later page and ignores pull requests carrying the marker', async () => {
    const marker = alertMarker('turanmart_daily_sales', '2026-05-02');
    const alert = api.seedIssue({ title: 'old alert', body: `${marker}\nbody`, labels: ['pipewright'] });
    api.seedIssue({ title: 'a PR quoting it', body: marker, labels: ['pipewright'], pull_request: { url: 'x' } });
    for (let i = 0; i < 150; i++) api.seedIssue({ title: `other ${i}`, labels: ['pipewright'] });

    const result = await openOrUpdateAlert(failure('2026-05-02'), await client());
    expect(result).toMatchObject({ opened: 0, commented: 1, issueNumber: alert.number });
    const pages = api.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);
    expect(api.issues.find((i) => i.title === 'a PR quoting it')?.comments).toEqual([]);
  });

  it('titles a missed freshness deadline as such, on the same per-partition issue', async () => {
    await openOrUpdateAlert(
      failure('2026-05-04', { event: 'freshness_miss', task: undefined, failureClass: undefined }),
      await client(),
    );
    await openOrUpdateAlert(failure('2026-05-04'), await client());
    expect(api.issues).toHaveLength(1);
    expect(api.issues[0]?.title).toBe('pipewright: turanmart_daily_sales 2026-05-04 missed its freshness deadline');
    expect(api.issues[0]?.body).toContain('freshness deadline missed');
    expect(api.issues[0]?.body).toContain('GitHub delays and drops scheduled runs');
    expect(api.issues[0]?.comments).toHaveLength(1);
  });

  it('a missed deadline whose partition a sensor deferred points at the late input, not at the schedule', async () => {
    await openOrUpdateAlert(
      failure('2026-05-04', {
        event: 'freshness_miss',
        task: undefined,
        failureClass: undefined,
        deferredBy: 'wait_for_export',
      }),
      await client(),
    );
    const body = api.issues[0]?.body ?? '';
    expect(body).toContain('task `wait_for_export` deferred the partition');
    expect(body).toContain('ask the source owner when it lands');
    expect(body).not.toContain('GitHub delays and drops scheduled runs');
  });

  it('resolving a partition without an open alert changes nothing', async () => {
    const counts = await resolveAlert(
      { owner: 'turanmart', repo: 'data', dagId: 'turanmart_daily_sales', partition: '2026-05-09' },
      await client(),
    );
    expect(counts).toEqual({ opened: 0, commented: 0, closed: 0 });
    expect(api.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('refuses to run without a token, saying which permission the job needs', async () => {
    const saved = process.env.GITHUB_TOKEN;
    delete process.env.GITHUB_TOKEN;
    try {
      await expect(createGitHubClient({ baseUrl: api.url })).rejects.toThrow(/github-token input.*issues: write/);
    } finally {
      if (saved !== undefined) process.env.GITHUB_TOKEN = saved;
    }
  });

  it('surfaces a rejected token as an error instead of opening nothing silently', async () => {
    await expect(
      openOrUpdateAlert(failure('2026-05-02'), await createGitHubClient({ token: 'wrong', baseUrl: api.url })),
    ).rejects.toThrow(/Bad credentials/);
    expect(api.issues).toHaveLength(0);
  });
});

describe('the alert issue body', () => {
  it('leads with the cause, in the open, then the first action, then the details', () => {
    const body = renderAlertBody(failure('2026-05-02'));
    const at = (text: string) => body.indexOf(text);
    expect(body).not.toContain('<details>');
    expect(at('order_date outside 2026-05-02')).toBeGreaterThan(at('**Cause:** task `validate_orders` failed (data)'));
    expect(at('**First action:**')).toBeGreaterThan(at('order_date outside 2026-05-02'));
    expect(at('| Pipeline |')).toBeGreaterThan(at('**First action:**'));
  });

  it('sends on-call to the failed checks only when checks failed, naming them', () => {
    const noChecks = renderAlertBody(failure('2026-05-02'));
    expect(noChecks).not.toContain('failed checks');
    expect(noChecks).toContain('**First action:** Read the error above and ask the source owner to correct the input.');
    const withChecks = renderAlertBody(failure('2026-05-02', { failedChecks: ['orders_not_empty', 'total_positive'] }));
    expect(withChecks).toContain(
      '**First action:** Read the failed checks (`orders_not_empty`, `total_positive`) in the run summary and ask the source owner to correct the input.',
    );
  });
});
