import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeCount {
  readonly screen: string;
  readonly critical: number;
  readonly serious: number;
  readonly moderate: number;
  readonly minor: number;
  /** "rule-id: target" of each serious or critical violation, for the failure message. */
  readonly blocking: readonly string[];
  /** The rule ids of every violation, whatever its impact. */
  readonly rules: readonly string[];
}

/** Every axe count measured in this process, for the test's summary line. */
export const axeCounts: AxeCount[] = [];

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) on the
 * page as it is now and records the violations of each impact. The tests
 * require zero serious and critical ones on every kiosk screen.
 */
export async function axeScreen(page: Page, screen: string): Promise<AxeCount> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const of = (impact: string) =>
    results.violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);
  const count: AxeCount = {
    screen,
    critical: of('critical'),
    serious: of('serious'),
    moderate: of('moderate'),
    minor: of('minor'),
    blocking: results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
    rules: results.violations.map((v) => `${v.id} (${v.impact ?? '?'})`),
  };
  axeCounts.push(count);
  return count;
}

/** One line per screen: "screen  critical/serious/moderate/minor". */
export function axeSummary(): string {
  return axeCounts
    .map(
      (c) =>
        `${c.screen.padEnd(28)} critical ${c.critical}, serious ${c.serious}, moderate ${c.moderate}, minor ${c.minor}` +
        (c.rules.length > 0 ? `  [${c.rules.join(', ')}]` : ''),
    )
    .join('\n');
}
