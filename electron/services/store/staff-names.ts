import { openField, sealField, type StoreContext } from './store-context';

/**
 * Staff display names ("Nguyễn Văn An"), printed on receipts and hand-over
 * slips as the receiving officer. A person's name, so it is sealed like the
 * citizens' (bound to the staff row), in the `display_name_enc` column the
 * first migration made for it.
 */
const WHERE = 'staff.display_name';

/** Sets (or, with null, clears) a staff member's display name; false when no such staff row. */
export function setStaffName(ctx: StoreContext, staffId: string, name: string | null): boolean {
  const clean = name === null ? null : name.trim().normalize('NFC');
  const result = ctx.db
    .prepare('UPDATE staff SET display_name_enc = ? WHERE id = ?')
    .run(clean === '' ? null : sealField(ctx, WHERE, staffId, clean), staffId);
  return result.changes === 1;
}

/** The display name, or null when none was set. */
export function staffName(ctx: StoreContext, staffId: string): string | null {
  const row = ctx.db
    .prepare<[string], { sealed: Buffer | null }>(
      'SELECT display_name_enc AS sealed FROM staff WHERE id = ?',
    )
    .get(staffId);
  return row === undefined ? null : openField(ctx, WHERE, staffId, row.sealed);
}
