import { describe, expect, it } from 'vitest';
import { HidError } from '../hid-error';
import { InProcessHidDevice } from '../in-process-hid-device';
import { CtapError } from './ctap-error';
import { CtapHidChannel } from './ctaphid-channel';
import { CtapHidCommand } from './ctaphid-frame';
import { readAuthenticatorInfo } from './read-authenticator-info';
import { VirtualAuthenticator } from './virtual-authenticator';

describe('CTAPHID end to end against the in-process virtual authenticator', () => {
  it('allocates a channel, rides out KEEPALIVEs and reads the getInfo example', async () => {
    const authenticator = new VirtualAuthenticator('virtual:fido', { keepalives: 3 });
    const keepalives: number[] = [];
    const channel = await CtapHidChannel.open(authenticator.device);
    expect(channel.cid).toBe(0x0c0ffee0);
    expect(channel.info.capabilities.cbor).toBe(true);

    const answer = await channel.cbor(0x04, undefined, { onKeepalive: (s) => keepalives.push(s) });
    expect(keepalives).toEqual([1, 1, 1]);
    expect(answer.length).toBe(89);

    const report = await readAuthenticatorInfo(authenticator.device);
    expect(report.info.versions).toEqual(['U2F_V2', 'FIDO_2_0']);
    expect(report.info.aaguid).toBe('f8a011f3-8c0a-4d15-8006-17111f9edc7d');
    expect(report.channel.cid).toBe(0x0c0ffee1);
    expect(authenticator.received.map((m) => m.cmd)).toEqual([
      CtapHidCommand.init,
      CtapHidCommand.cbor,
      CtapHidCommand.init,
      CtapHidCommand.cbor,
    ]);
  });

  it('a long PING crosses many continuation packets both ways', async () => {
    const authenticator = new VirtualAuthenticator();
    const channel = await CtapHidChannel.open(authenticator.device);
    const payload = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) & 0xff);
    expect(await channel.transact(CtapHidCommand.ping, payload)).toEqual(payload);
  });

  it('an unsupported command comes back as CTAPHID_ERROR, an unknown CBOR command as a CTAP2 status', async () => {
    const authenticator = new VirtualAuthenticator();
    const channel = await CtapHidChannel.open(authenticator.device);
    const wink = await channel
      .transact(CtapHidCommand.wink, new Uint8Array(0))
      .catch((e: unknown) => e);
    expect(wink).toBeInstanceOf(CtapError);
    expect((wink as CtapError).kind).toBe('ctaphid');
    expect((wink as CtapError).message).toContain('ERR_INVALID_CMD');
    const makeCred = await channel.cbor(0x01).catch((e: unknown) => e);
    expect((makeCred as CtapError).kind).toBe('ctap2');
    expect((makeCred as CtapError).vi).toContain('Khóa bảo mật từ chối');
  });

  it('a device that never answers times out, and an unplugged one fails as gone', async () => {
    const silent = new InProcessHidDevice('virtual:silent');
    const timeout = await CtapHidChannel.open(silent, { timeoutMs: 30 }).catch((e: unknown) => e);
    expect((timeout as CtapError).kind).toBe('timeout');

    const authenticator = new VirtualAuthenticator();
    authenticator.device.unplug();
    const gone = await CtapHidChannel.open(authenticator.device).catch((e: unknown) => e);
    expect((gone as HidError).code).toBe('device-gone');
  });
});
