export { parseCccdQr } from './cccd-qr';
export { cardGenerationOf } from './card-generation';
export type { CardGeneration } from './card-generation';
export {
  CitizenIdSchema,
  CitizenSchema,
  CitizenSourceSchema,
  IsoDateSchema,
  isCitizenId,
  isOldIdNumber,
  OldIdNumberSchema,
  parseSexLabel,
  SexSchema,
  sexLabel,
  typedCitizen,
  vnDateToIso,
} from './citizen';
export type { Citizen, CitizenSource, Sex } from './citizen';
export { CitizenError } from './citizen-error';
export type { CitizenErrorCode } from './citizen-error';
export { crossCheck } from './cross-check';
export { crossCheckMrz } from './mrz-check';
export type { CrossCheckField, CrossCheckMismatch, CrossCheckReport } from './cross-check';
