import type { HidDeviceInfo } from '../hid-device-info';
import { HidError, toHidError } from '../hid-error';
import type { HidBridge } from '../node-hid-bridge';
import { CtapError } from './ctap-error';
import { CtapHidFrameError } from './ctaphid-frame';
import {
  GetInfoError,
  userVerificationOf,
  type AuthenticatorInfo,
  type UserVerification,
} from './get-info';
import { readAuthenticatorInfo } from './read-authenticator-info';

export type FidoProbe =
  | {
      readonly device: HidDeviceInfo;
      readonly ok: true;
      readonly info: AuthenticatorInfo;
      readonly userVerification: UserVerification;
    }
  | {
      readonly device: HidDeviceInfo;
      readonly ok: false;
      readonly error: { readonly code: string; readonly vi: string; readonly en: string };
    };

/**
 * Every FIDO authenticator (usage page 0xF1D0) the bridge lists, asked for
 * authenticatorGetInfo one at a time, each with its own timeout, so one
 * broken key cannot hide the others. Devices are closed afterwards.
 */
export async function probeFidoDevices(
  bridge: HidBridge,
  options: { readonly timeoutMs?: number } = {},
): Promise<FidoProbe[]> {
  const devices = (await bridge.list()).filter((d) => d.kind === 'fido');
  const probes: FidoProbe[] = [];
  for (const device of devices) {
    try {
      const hid = await bridge.open(device.path);
      try {
        const { info } = await readAuthenticatorInfo(hid, options);
        probes.push({ device, ok: true, info, userVerification: userVerificationOf(info) });
      } finally {
        await hid.close().catch(() => undefined);
      }
    } catch (error) {
      probes.push({ device, ok: false, error: describe(error, device.path) });
    }
  }
  return probes;
}

function describe(error: unknown, path: string): { code: string; vi: string; en: string } {
  if (error instanceof CtapError) return { code: `ctap-${error.kind}`, vi: error.vi, en: error.en };
  const hid =
    error instanceof CtapHidFrameError || error instanceof GetInfoError
      ? new HidError('protocol', path, error.message)
      : toHidError(error, path);
  return { code: hid.code, vi: hid.vi, en: hid.en };
}
