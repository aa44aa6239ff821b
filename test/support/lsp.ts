// A minimal Language Server Protocol client over stdio (JSON-RPC with Content-Length
// frames), enough to open YAML documents in yaml-language-server and read the diagnostics
// it publishes for them.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

export interface LspDiagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  severity?: number;
}

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private readonly waiting = new Map<string, (d: LspDiagnostic[]) => void>();

  private readonly settings: unknown;

  constructor(command: string, args: string[], settings: unknown) {
    this.settings = settings;
    this.child = spawn(command, args, { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.read(chunk));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(JSON.parse(body) as Message);
    }
  }

  private handle(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
      return;
    }
    if (message.method === 'workspace/configuration') {
      const items = (message.params as { items: { section?: string }[] }).items;
      const yaml = (this.settings as { yaml: unknown }).yaml;
      this.send({ id: message.id, result: items.map((i) => (i.section === 'yaml' ? yaml : null)) } as Message);
      return;
    }
    if (message.id !== undefined) {
      this.send({ id: message.id, result: null } as Message); // registerCapability, progress, ...
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      this.waiting.get(uri)?.(diagnostics);
    }
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async start(rootUri: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
  }

  /** Opens a document and resolves with the diagnostics published for it (after `settleMs` of quiet). */
  open(uri: string, text: string, settleMs = 1500): Promise<LspDiagnostic[]> {
    return new Promise((resolve) => {
      let timer = setTimeout(() => resolve(this.diagnostics.get(uri) ?? []), 15_000);
      this.waiting.set(uri, (d) => {
        clearTimeout(timer);
        timer = setTimeout(() => resolve(this.diagnostics.get(uri) ?? d), settleMs);
      });
      this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    });
  }

  async stop(): Promise<void> {
    await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
    this.notify('exit', null);
    if (this.child.exitCode === null) this.child.kill();
  }
}
