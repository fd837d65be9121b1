import { describe, expect, it } from 'vitest';
import { CHANNELS, isChannel } from '../../src/shared/channels';
import { contract, parseRequest } from '../../src/shared/contract';

describe('API contract', () => {
  it('has exactly one schema per channel, and channels are domain:verb', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('recognises channel names exactly', () => {
    expect(isChannel('designs:list')).toBe(true);
    expect(isChannel('designs:list ')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel('constructor')).toBe(false);
  });

  it('names the field and the problem in a refusal', () => {
    expect(parseRequest('designs:rename', { id: 'a', name: '' })).toEqual({
      ok: false,
      message: 'designs:rename: name: name is empty',
    });
    expect(parseRequest('designs:rename', { id: 'a', name: 'b', colour: 'red' })).toEqual({
      ok: false,
      message: 'designs:rename: unknown field(s) "colour"',
    });
  });

  it('treats a missing request as an empty object', () => {
    expect(parseRequest('settings:get', undefined)).toEqual({ ok: true, value: {} });
    expect(parseRequest('settings:get', null)).toEqual({ ok: true, value: {} });
  });
});
