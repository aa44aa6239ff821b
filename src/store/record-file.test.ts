import { describe, expect, it } from 'vitest';
import { StateError } from '../errors.js';
import { parseRunRecord } from './record-file.js';

const good = { dagId: 'd', partition: '2026-05-01', runId: 'r', state: 'success', startedAt: 'x', tasks: [] };

describe('parseRunRecord', () => {
  it('returns a well-formed record', () => {
    expect(parseRunRecord(JSON.stringify(good), 'f.json')).toEqual(good);
  });

  it.each([
    ['', 'run record f.json is empty: move it aside to continue'],
    ['{"dagId": "d", "part', 'run record f.json is not valid JSON ('],
    ['null', 'run record f.json holds null, not a run record: move it aside to continue'],
    ['"text"', 'run record f.json holds a string, not a run record'],
    ['{}', 'run record f.json is not a run record (no dagId, partition, runId, state, startedAt, tasks)'],
  ])('refuses %j as a StateError naming the file', (text, message) => {
    expect(() => parseRunRecord(text, 'f.json')).toThrow(StateError);
    expect(() => parseRunRecord(text, 'f.json')).toThrow(message);
  });

  it('words a decoder failure the same way, with the given fix', () => {
    const decode = () => {
      throw new Error('unknown schema_version 9');
    };
    expect(() => parseRunRecord('{}', 'runs/a.json on branch s', 'repair it', decode)).toThrow(
      'run record runs/a.json on branch s is not a run record (unknown schema_version 9): repair it',
    );
  });
});
