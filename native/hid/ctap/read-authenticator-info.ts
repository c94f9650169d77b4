import type { HidDeviceLike } from '../hid-device-like';
import { CtapHidChannel } from './ctaphid-channel';
import { AUTHENTICATOR_GET_INFO, decodeGetInfo, type AuthenticatorInfo } from './get-info';

export interface AuthenticatorReport {
  readonly info: AuthenticatorInfo;
  readonly channel: {
    readonly cid: number;
    readonly deviceVersion: readonly [number, number, number];
  };
}

/** Allocates a CTAPHID channel and asks authenticatorGetInfo; the device stays open. */
export async function readAuthenticatorInfo(
  device: HidDeviceLike,
  options: { readonly timeoutMs?: number } = {},
): Promise<AuthenticatorReport> {
  const channel = await CtapHidChannel.open(device, options);
  const cbor = await channel.cbor(AUTHENTICATOR_GET_INFO, undefined, options);
  return {
    info: decodeGetInfo(cbor),
    channel: { cid: channel.cid, deviceVersion: channel.info.deviceVersion },
  };
}
