export { bacKeyInput } from './bac-key-input';
export type { BacKeyFields } from './bac-key-input';
export { checkChar, checkDigit } from './check-digit';
export { assertMrzDate, birthDateToIso, expiryDateToIso } from './mrz-date';
export { MrzError } from './mrz-error';
export type { MrzErrorCode, MrzField } from './mrz-error';
export { parseTd1FromOcr, repairCccdMrz } from './ocr-repair';
export { parseTd1, splitTd1 } from './td1';
export type { Td1Mrz } from './td1';
