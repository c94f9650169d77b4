/**
 * A reader for HID report descriptors (Device Class Definition for HID 1.11,
 * §6.2.2), just deep enough to locate the input fields of each report: where a
 * usage's bits sit, how many, and whether it is a variable or an array. Pure.
 *
 * Short item prefix (§6.2.2.2): `bTag(4) bType(2) bSize(2)`, bSize 0,1,2,4
 * bytes of little-endian data. Long items (prefix 0xFE) are skipped.
 */

/** A usage as (page << 16) | id, the "extended usage" of §6.2.2.8. */
export type ExtendedUsage = number;

export function extendedUsage(page: number, id: number): ExtendedUsage {
  return page * 0x10000 + id;
}

export interface InputField {
  /** 0 when the device declares no report IDs. */
  readonly reportId: number;
  /** Offset in bits from the start of the report data, after the report ID byte. */
  readonly bitOffset: number;
  readonly bitSize: number;
  readonly count: number;
  /** Variable fields: one usage per element (the last repeats). Array fields: the selectable usages. */
  readonly usages: readonly ExtendedUsage[];
  readonly variable: boolean;
  readonly constant: boolean;
}

export class ReportDescriptorError extends Error {
  override readonly name = 'ReportDescriptorError';
}

interface Globals {
  usagePage: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

/** Input fields in descriptor order, with bit offsets counted per report ID. */
export function parseInputFields(descriptor: Uint8Array): InputField[] {
  const fields: InputField[] = [];
  const stack: Globals[] = [];
  let g: Globals = { usagePage: 0, reportSize: 0, reportCount: 0, reportId: 0 };
  let usages: ExtendedUsage[] = [];
  let usageMin: ExtendedUsage | undefined;
  const bitsSoFar = new Map<number, number>();
  const toExtended = (value: number, size: number): ExtendedUsage =>
    size === 4 ? value : extendedUsage(g.usagePage, value);

  let i = 0;
  while (i < descriptor.length) {
    const prefix = descriptor[i] ?? 0;
    if (prefix === 0xfe) {
      i += 3 + (descriptor[i + 1] ?? 0);
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03] ?? 0;
    if (i + 1 + size > descriptor.length) {
      throw new ReportDescriptorError(`item at byte ${i} runs past the end of the descriptor`);
    }
    let value = 0;
    for (let b = size - 1; b >= 0; b--) value = value * 256 + (descriptor[i + 1 + b] ?? 0);
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    i += 1 + size;

    if (type === 1) {
      if (tag === 0x0) g.usagePage = value;
      else if (tag === 0x7) g.reportSize = value;
      else if (tag === 0x8) g.reportId = value;
      else if (tag === 0x9) g.reportCount = value;
      else if (tag === 0xa) stack.push({ ...g });
      else if (tag === 0xb) g = stack.pop() ?? g;
    } else if (type === 2) {
      if (tag === 0x0) usages.push(toExtended(value, size));
      else if (tag === 0x1) usageMin = toExtended(value, size);
      else if (tag === 0x2 && usageMin !== undefined) {
        const max = toExtended(value, size);
        for (let u = usageMin; u <= max && usages.length < 0x10000; u++) usages.push(u);
        usageMin = undefined;
      }
    } else if (type === 0) {
      if (tag === 0x8) {
        const offset = bitsSoFar.get(g.reportId) ?? 0;
        fields.push({
          reportId: g.reportId,
          bitOffset: offset,
          bitSize: g.reportSize,
          count: g.reportCount,
          usages,
          variable: (value & 0x02) !== 0,
          constant: (value & 0x01) !== 0,
        });
        bitsSoFar.set(g.reportId, offset + g.reportSize * g.reportCount);
      }
      usages = [];
      usageMin = undefined;
    }
  }
  return fields;
}

/** The usage of element `index` of a variable field. */
export function usageAt(field: InputField, index: number): ExtendedUsage | undefined {
  return field.usages[Math.min(index, field.usages.length - 1)];
}
