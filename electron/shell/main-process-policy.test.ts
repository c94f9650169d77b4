import { describe, expect, it } from 'vitest';
import {
  focusExistingWindow,
  shouldReloadRenderer,
  type FocusableWindow,
  type RendererGoneReason,
} from './main-process-policy';

/** A stand-in for Electron's BrowserWindow that records what was done to it. */
function windowThatIs(minimized: boolean): FocusableWindow & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    focus: () => calls.push('focus'),
  };
}

describe('a second start of the kiosk', () => {
  it('restores a minimised kiosk window, then focuses it', () => {
    const window = windowThatIs(true);
    focusExistingWindow(window);
    expect(window.calls).toEqual(['restore', 'focus']);
  });

  it('focuses a visible kiosk window without restoring it', () => {
    const window = windowThatIs(false);
    focusExistingWindow(window);
    expect(window.calls).toEqual(['focus']);
  });

  it('does nothing before the first window exists', () => {
    expect(() => {
      focusExistingWindow(undefined);
    }).not.toThrow();
  });
});

describe('a renderer that went away', () => {
  it.each<RendererGoneReason>([
    'crashed',
    'oom',
    'killed',
    'abnormal-exit',
    'launch-failed',
    'integrity-failure',
    'memory-eviction',
  ])('is reloaded after %s', (reason) => {
    expect(shouldReloadRenderer(reason, false)).toBe(true);
  });

  it('is not reloaded after a clean exit', () => {
    expect(shouldReloadRenderer('clean-exit', false)).toBe(false);
  });

  it('is not reloaded into a window that was closed', () => {
    expect(shouldReloadRenderer('crashed', true)).toBe(false);
  });
});
