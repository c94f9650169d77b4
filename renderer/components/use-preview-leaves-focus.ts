import { useEffect, type RefObject } from 'react';

/** The viewer focuses itself as it loads the document; a person's own tap comes later. */
const LOADING_MS = 4000;

/**
 * Chromium's PDF viewer can take the focus while it loads the preview; the
 * page's next tap then only brings the focus back and does nothing else (the
 * citizen's "second tap" on "Tải về (PDF)"). While the preview loads, a
 * focus the frame took by itself is handed back to the page.
 */
export function usePreviewLeavesFocus(
  frame: RefObject<HTMLIFrameElement | null>,
  active: boolean,
): void {
  useEffect(() => {
    if (!active) return;
    const shown = performance.now();
    const onBlur = () => {
      // The window blurs as focus enters the frame; activeElement names it a moment later.
      window.setTimeout(() => {
        const preview = frame.current;
        if (preview === null || document.activeElement !== preview) return;
        if (performance.now() - shown > LOADING_MS) return;
        preview.blur();
        window.focus();
      }, 0);
    };
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('blur', onBlur);
    };
  }, [frame, active]);
}
