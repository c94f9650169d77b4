/**
 * The Citizen record as it crosses the API (chip read, QR scan or typed) is
 * the record the device layer keeps: one schema, so a field added on one side
 * cannot be dropped or mis-checked on the other. It is pure zod (no device
 * code), which is why the contract and the renderer may load it.
 */
export {
  CitizenSchema as CitizenWireSchema,
  isCitizenId,
  isOldIdNumber,
  typedCitizen,
} from '../../../native/smartcard/citizen/citizen';
export type { Citizen as CitizenWire } from '../../../native/smartcard/citizen/citizen';
