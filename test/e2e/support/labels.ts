import type { Locator, Page } from 'playwright-core';

/**
 * The input whose label starts with `text`. The kiosk's on-screen keypad is
 * labelled "Bàn phím cho ô: <field>" and a required field's label ends in
 * " *", so neither a plain substring nor an exact match finds one input.
 */
export function inputLabelled(page: Page, text: string): Locator {
  return page.getByLabel(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}
