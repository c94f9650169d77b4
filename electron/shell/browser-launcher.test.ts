import { describe, expect, it } from 'vitest';
import { browserArguments, displayBrowserArguments } from './browser-launcher';

describe('the browser launcher', () => {
  it('opens a hall TV full screen, with sound allowed without a press', () => {
    const args = displayBrowserArguments('http://localhost:8420/?display=k#/display', '/p');
    expect(args).toContain('--kiosk');
    expect(args).toContain('--app=http://localhost:8420/?display=k#/display');
    expect(args).toContain('--autoplay-policy=no-user-gesture-required');
  });

  it('leaves the autoplay rule alone for the kiosk’s own window', () => {
    expect(browserArguments('http://localhost:1/', '/p', false).join(' ')).not.toContain(
      'autoplay',
    );
  });
});
