// A real HTTP server standing in for the slice of the GitHub REST API that
// pipewright's alerts and dispatches use: issues (list with labels/state/pagination, get,
// create, update), issue comments and workflow dispatches. Issues live in memory; every request is
// recorded so tests can assert what octokit actually sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  comments: string[];
  pull_request?: { url: string };
}

export interface GitHubApiServer {
  /** Base URL for octokit (`baseUrl`) or GITHUB_API_URL. */
  url: string;
  requests: RecordedRequest[];
  issues: StoredIssue[];
  /** Adds an issue directly (e.g. unrelated ones, to push an alert onto a later page). */
  seedIssue(issue: Partial<StoredIssue> & { title: string }): StoredIssue;
  close(): Promise<void>;
}

interface Options {
  /** Requests without `authorization: token <this>` get 401, as GitHub does. */
  token?: string;
}

export async function startGitHubApiServer(options: Options = {}): Promise<GitHubApiServer> {
  const requests: RecordedRequest[] = [];
  const issues: StoredIssue[] = [];
  let base = '';

  const seedIssue = (issue: Partial<StoredIssue> & { title: string }): StoredIssue => {
    const stored: StoredIssue = {
      number: issues.length + 1,
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      assignees: [],
      comments: [],
      ...issue,
    };
    issues.push(stored);
    return stored;
  };

  const toJson = (owner: string, repo: string, i: StoredIssue) => ({
    id: 1000 + i.number,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels.map((name) => ({ name })),
    assignees: i.assignees.map((login) => ({ login })),
    comments: i.comments.length,
    html_url: `https://github.com/${owner}/${repo}/issues/${i.number}`,
    url: `${base}/repos/${owner}/${repo}/issues/${i.number}`,
    ...(i.pull_request ? { pull_request: i.pull_request } : {}),
  });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text ? JSON.parse(text) : undefined;
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: req.headers.authorization,
      });
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(payload));
      };
      if (options.token && req.headers.authorization !== `token ${options.token}`) {
        send(401, { message: 'Bad credentials' });
        return;
      }
      const fields = (body ?? {}) as Record<string, unknown>;
      // workflow_dispatch: GitHub answers 204 with no body; the request itself is the record.
      const dispatch = /^\/repos\/[^/]+\/[^/]+\/actions\/workflows\/[^/]+\/dispatches$/.test(url.pathname);
      if (dispatch && req.method === 'POST') {
        res.writeHead(204);
        res.end();
        return;
      }
      const m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+))?(\/comments)?$/);
      if (!m) {
        send(404, { message: 'Not Found' });
        return;
      }
      const [, owner = '', repo = '', num, comments] = m;
      const issue = num ? issues.find((i) => i.number === Number(num)) : undefined;
      if (num && !issue) {
        send(404, { message: 'Not Found' });
        return;
      }

      if (req.method === 'GET' && !num) {
        const state = url.searchParams.get('state') ?? 'open';
        const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const matching = issues
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => labels.every((l) => i.labels.includes(l)))
          .sort((a, b) => b.number - a.number);
        const last = Math.max(1, Math.ceil(matching.length / perPage));
        const headers: Record<string, string> = {};
        if (page < last) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          const lastUrl = new URL(url);
          lastUrl.searchParams.set('page', String(last));
          headers.link = `<${next}>; rel="next", <${lastUrl}>; rel="last"`;
        }
        const slice = matching.slice((page - 1) * perPage, page * perPage);
        send(
          200,
          slice.map((i) => toJson(owner, repo, i)),
          headers,
        );
      } else if (req.method === 'POST' && !num) {
        const created = seedIssue({
          title: String(fields.title ?? ''),
          body: String(fields.body ?? ''),
          labels: (fields.labels as string[] | undefined) ?? [],
          assignees: (fields.assignees as string[] | undefined) ?? [],
        });
        send(201, toJson(owner, repo, created));
      } else if (issue && comments && req.method === 'POST') {
        issue.comments.push(String(fields.body ?? ''));
        send(201, { id: 5000 + requests.length, body: fields.body, issue_url: toJson(owner, repo, issue).url });
      } else if (issue && !comments && req.method === 'PATCH') {
        if (fields.state === 'open' || fields.state === 'closed') issue.state = fields.state;
        if (typeof fields.state_reason === 'string') issue.state_reason = fields.state_reason;
        if (typeof fields.body === 'string') issue.body = fields.body;
        if (typeof fields.title === 'string') issue.title = fields.title;
        send(200, toJson(owner, repo, issue));
      } else if (issue && !comments && req.method === 'GET') {
        send(200, toJson(owner, repo, issue));
      } else {
        send(404, { message: 'Not Found' });
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    issues,
    seedIssue,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
