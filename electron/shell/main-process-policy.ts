/**
 * The main-process decisions of the Electron shell, free of Electron so plain
 * Node tests run them (Electron's binary cannot be downloaded on CI machines).
 * electron-main.ts calls these; it only wires them to Electron's events.
 */

/** The parts of a BrowserWindow the single-instance hand-off touches. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/**
 * A second start of the kiosk (a double tap on the launcher) must not open a
 * second window or a second store: the first instance brings its window back.
 */
export function focusExistingWindow(window: FocusableWindow | undefined): void {
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Electron's `render-process-gone` reasons (RenderProcessGoneDetails.reason). */
export type RendererGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

/**
 * A renderer that died in any way but a clean exit is reloaded, so the kiosk
 * never stays on a blank screen; a closed window is left alone.
 */
export function shouldReloadRenderer(
  reason: RendererGoneReason,
  windowDestroyed: boolean,
): boolean {
  return reason !== 'clean-exit' && !windowDestroyed;
}
