export declare const TOOLS: Record<'act' | 'actionlint' | 'versitygw', { module: string; version: string }> &
  Record<'zizmor', { pypi: string; version: string }>;
export declare function toolsDir(): string;
export declare function ensureTool(name: 'act' | 'actionlint' | 'versitygw' | 'zizmor'): string;
export declare const CHROMIUM: string;
export declare function ensureChromium(): string | undefined;
