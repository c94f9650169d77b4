import { IntakeDraftSchema } from '../../api/contract/intake-draft';
import type { HandlerGroup } from '../../api/dispatcher';
import { requireStaff } from '../auth/require-staff';
import type { StaffSession } from '../auth/staff-session';
import type { DossierStore } from '../store/dossier-store';

export type DraftMethods = 'draft.save' | 'draft.get' | 'draft.discard';

export interface DraftHandlerDeps {
  readonly store: Pick<DossierStore, 'saveIntakeDraft' | 'intakeDraft' | 'dropIntakeDraft'>;
  readonly staff: StaffSession;
}

/**
 * The intake wizard's draft, per signed-in staff account: another clerk on
 * the same machine never sees it, and it outlives the connection (a closed
 * tab ends the sign-in, not the reception half done).
 */
export function createDraftHandlers(deps: DraftHandlerDeps): HandlerGroup<DraftMethods> {
  const { store, staff } = deps;
  return requireStaff(staff, {
    'draft.save': ({ draft }, context) => {
      const clerk = staff.require(context);
      const saved = store.saveIntakeDraft(clerk.id, clerk.username, JSON.stringify(draft));
      return { savedAt: saved.savedAt, expiresAt: saved.expiresAt };
    },
    'draft.get': (_params, context) => {
      const clerk = staff.require(context);
      const stored = store.intakeDraft(clerk.id, clerk.username);
      if (stored === null) return { saved: null };
      // A draft written by an older version that no longer fits the wizard is dropped, not
      // half-restored.
      const parsed = IntakeDraftSchema.safeParse(JSON.parse(stored.json));
      if (!parsed.success) {
        store.dropIntakeDraft(clerk.id, clerk.username);
        return { saved: null };
      }
      return {
        saved: { draft: parsed.data, savedAt: stored.savedAt, expiresAt: stored.expiresAt },
      };
    },
    'draft.discard': (_params, context) => {
      const clerk = staff.require(context);
      return { discarded: store.dropIntakeDraft(clerk.id, clerk.username) };
    },
  });
}

/**
 * dossier.create that also drops the clerk's draft once the dossier is saved:
 * in the core, so a tab closed between the save and the page's next call
 * cannot leave a draft of a dossier already received.
 */
export function dropDraftAfterSave(
  create: HandlerGroup<'dossier.create'>['dossier.create'],
  deps: DraftHandlerDeps,
): HandlerGroup<'dossier.create'>['dossier.create'] {
  return async (params, context) => {
    const created = await create(params, context);
    const clerk = deps.staff.current(context);
    if (clerk) deps.store.dropIntakeDraft(clerk.id, clerk.username);
    return created;
  };
}
