export declare const TOOLS: Record<'act' | 'actionlint', { module: string; version: string }> &
  Record<'zizmor', { pypi: string; version: string }>;
export declare function toolsDir(): string;
export declare function ensureTool(name: 'act' | 'actionlint' | 'zizmor'): string;
