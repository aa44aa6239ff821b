export declare const TOOLS: Record<'act' | 'actionlint', { module: string; version: string }> &
  Record<'zizmor', { pypi: string; version: string }>;
export declare function toolsDir(): string;
export declare function ensureTool(name: 'act' | 'actionlint' | 'zizmor'): string;
export declare const CHROMIUM: string;
export declare function ensureChromium(): string | undefined;
