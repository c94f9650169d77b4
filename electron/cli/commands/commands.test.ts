import { describe, expect, it } from 'vitest';
import { commands } from './index';

describe('the kiosk command table', () => {
  it('lists each command under the name and summary its own module gives', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({
        name: entry.name,
        summary: entry.summary,
      });
    }
  });

  it('names every command once', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
