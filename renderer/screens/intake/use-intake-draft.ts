import { useCallback, useEffect, useState } from 'react';
import type { IntakeDraft } from '../../../electron/api/contract/intake-draft';
import { useKiosk } from '../../api/KioskContext';

/** Typing pauses this long before the draft goes to the core: one save per burst of keys. */
const SAVE_AFTER_MS = 800;

export interface DraftOffer {
  readonly savedAt: number;
}

export interface IntakeDraftState {
  /** A draft from an earlier sign-in waits for "Tiếp tục" or "Bỏ bản nháp". */
  readonly offer: DraftOffer | undefined;
  /** When the core last kept this wizard's draft (epoch ms). */
  readonly keptAt: number | undefined;
  resume(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * The wizard's draft kept in the core (sealed, per staff account), never in
 * browser storage: it holds a citizen's data. On opening, an earlier draft
 * is offered; while the offer stands nothing is saved over it. `current` is
 * undefined when there is nothing worth keeping (an empty wizard, or a
 * dossier already saved: the core dropped its draft then).
 */
export function useIntakeDraft(
  current: IntakeDraft | undefined,
  restore: (draft: IntakeDraft) => Promise<void>,
): IntakeDraftState {
  const { api } = useKiosk();
  const [pending, setPending] = useState<
    { draft: IntakeDraft; savedAt: number } | 'checking' | undefined
  >('checking');
  const [keptAt, setKeptAt] = useState<number | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void api.draft.get({}).then((answer) => {
      if (!live) return;
      setPending(answer.ok && answer.value.saved ? answer.value.saved : undefined);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const json = current === undefined ? undefined : JSON.stringify(current);
  useEffect(() => {
    if (pending !== undefined || current === undefined) return;
    const timer = window.setTimeout(() => {
      void api.draft.save({ draft: current }).then((answer) => {
        if (answer.ok) setKeptAt(answer.value.savedAt);
      });
    }, SAVE_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
    };
    // `json` stands for `current`: a new object with the same content is not a change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, json, pending]);

  const resume = useCallback(async () => {
    if (pending === undefined || pending === 'checking') return;
    await restore(pending.draft);
    setKeptAt(pending.savedAt);
    setPending(undefined);
  }, [pending, restore]);

  const discard = useCallback(async () => {
    await api.draft.discard({});
    setPending(undefined);
  }, [api]);

  return {
    offer:
      pending === undefined || pending === 'checking' ? undefined : { savedAt: pending.savedAt },
    keptAt,
    resume,
    discard,
  };
}
