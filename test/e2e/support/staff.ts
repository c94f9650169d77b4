import type { Page } from 'playwright-core';
import { kioskCli } from './kiosk-cli';

export interface StaffUser {
  readonly username: string;
  readonly password: string;
}

export const CLERK: StaffUser = { username: 'canbo1', password: 'mat-khau-can-bo-1' };

/** Creates a staff account in a data folder through the real `kiosk staff add`. */
export function addStaff(
  dataDir: string,
  user: StaffUser,
  role: 'clerk' | 'admin' = 'clerk',
): void {
  kioskCli(dataDir, ['staff', 'add', user.username, '--role', role], {
    KIOSK_STAFF_PASSWORD: user.password,
  });
}

/** Signs in on the Vietnamese sign-in screen with the password and waits for the header badge. */
export async function signInWithPassword(page: Page, user: StaffUser): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(user.username);
  await page.getByLabel('Mật khẩu').fill(user.password);
  await page.getByRole('button', { name: 'Đăng nhập bằng mật khẩu' }).click();
  await page.getByText(`Cán bộ: ${user.username}`).waitFor();
}
