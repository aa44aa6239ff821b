// A relay between @actions/artifact 6.2 and act 0.2.89's artifact server that
// papers over two wire incompatibilities in act (nektos/act#6022, #6114), and
// nothing else: bytes, names, ids and the storage are act's own.
//  1. act decodes Twirp JSON strictly and rejects the `mime_type` field the
//     client sends since 6.1 ("unknown field"), so it is dropped here.
//  2. The Azure SDK strips the `=` padding of the `sig` query parameter act
//     signs its blob URLs with; act then refuses the upload, so it is re-padded.
// Signed URLs in act's answers are rewritten to point back at this relay.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ArtifactProxy {
  /** Base URL to give the client as ACTIONS_RESULTS_URL (ends with `/`). */
  url: string;
  /** One line per request that needed a rewrite, for tests and docs. */
  rewrites: string[];
  /** Every relayed request as `METHOD /path` (Twirp calls and blob transfers), in order. */
  calls: string[];
  close(): Promise<void>;
}

/** Starts the relay on 127.0.0.1 (random port) in front of act's artifact server at `target`. */
export async function startArtifactProxy(target: string): Promise<ArtifactProxy> {
  const targetUrl = new URL(target);
  const rewrites: string[] = [];
  const calls: string[] = [];
  let self = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', targetUrl);
      calls.push(`${req.method} ${url.pathname}`);
      if (url.pathname.endsWith('/CreateArtifact')) {
        const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        if ('mime_type' in json || 'mimeType' in json) {
          delete json.mime_type;
          delete json.mimeType;
          rewrites.push(`dropped mime_type from ${url.pathname}`);
          body = Buffer.from(JSON.stringify(json));
        }
      }
      const sig = url.searchParams.get('sig');
      if (sig && sig.length % 4 !== 0) {
        url.searchParams.set('sig', sig + '='.repeat(4 - (sig.length % 4)));
        rewrites.push(`re-padded sig on ${url.pathname}`);
      }
      const { 'transfer-encoding': _te, connection: _conn, ...kept } = req.headers;
      const headers = { ...kept, host: targetUrl.host, 'content-length': String(body.length) };
      const upstream = http.request(url, { method: req.method, headers }, (up) => {
        const out: Buffer[] = [];
        up.on('data', (c: Buffer) => out.push(c));
        up.on('end', () => {
          let answer = Buffer.concat(out);
          const type = String(up.headers['content-type'] ?? '');
          if (type.includes('json')) {
            answer = Buffer.from(answer.toString('utf8').split(targetUrl.origin).join(self));
          }
          // The body is re-sent whole: drop hop-by-hop framing (Go streams bodies over 2 KiB chunked).
          const { 'transfer-encoding': _te, connection: _conn, ...kept } = up.headers;
          res.writeHead(up.statusCode ?? 502, { ...kept, 'content-length': String(answer.length) });
          res.end(answer);
        });
      });
      upstream.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`artifact proxy: ${error.message}`);
      });
      upstream.end(body);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${self}/`,
    rewrites,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
