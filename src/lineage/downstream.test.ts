import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Pipeline } from '../contract/model.js';
import { downstreamRuns } from './downstream.js';

function pipeline(dagId: string, overrides: Partial<Pipeline> = {}): Pipeline {
  return {
    dagId,
    description: '',
    owner: 'data',
    tags: [],
    timezone: 'Asia/Almaty',
    partition: 'daily',
    startDate: '2026-04-01',
    catchup: true,
    maxActiveRuns: 1,
    maxActiveTasks: 4,
    retainVersions: 3,
    reprocessOnTick: 'failed',
    defaults: DEFAULT_POLICY,
    inputs: {},
    outputs: {},
    tasks: [],
    alerts: { on: [], labels: [], assignees: [] },
    dir: `/p/${dagId}`,
    file: `/p/${dagId}/pipeline.yml`,
    ...overrides,
  };
}

const sales = pipeline('sales');
const reads = { from: { s: { dagId: 'sales', output: 'gold' } } };

describe('downstreamRuns: which downstream partitions a publish covers', () => {
  it('maps published days onto each reader: the same days, the weeks that hold them', () => {
    const all = [
      sales,
      pipeline('risk', reads),
      pipeline('weekly', { ...reads, partition: 'weekly' }),
      pipeline('other'),
    ];
    expect(downstreamRuns(sales, ['2026-05-03', '2026-05-04'], all)).toEqual([
      { dagId: 'risk', start: '2026-05-03', end: '2026-05-04' },
      { dagId: 'weekly', start: '2026-W18', end: '2026-W19' },
    ]);
  });

  it("clips to the reader's start_date and leaves it out when everything is before it", () => {
    const late = pipeline('late', { ...reads, startDate: '2026-05-04' });
    expect(downstreamRuns(sales, ['2026-05-02', '2026-05-05'], [late])).toEqual([
      { dagId: 'late', start: '2026-05-04', end: '2026-05-05' },
    ]);
    expect(downstreamRuns(sales, ['2026-05-02'], [late])).toEqual([]);
  });
});
