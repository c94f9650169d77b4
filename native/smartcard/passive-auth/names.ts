import type * as pkijs from 'pkijs';

const SHORT: Readonly<Record<string, string>> = {
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};

/** `C=VN, O=…, CN=…` for display and logs. */
export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const block: unknown = tv.value.valueBlock;
      const value =
        typeof block === 'object' &&
        block !== null &&
        'value' in block &&
        typeof block.value === 'string'
          ? block.value
          : '?';
      return `${SHORT[tv.type] ?? tv.type}=${value}`;
    })
    .join(', ');
}
