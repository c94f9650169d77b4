import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { distinguishedName } from './index';

/** Parsed from DER, as names arrive in certificates (values need not be strings there). */
const name = (...rdns: [string, asn1js.BaseBlock][]): pkijs.RelativeDistinguishedNames =>
  pkijs.RelativeDistinguishedNames.fromBER(
    new asn1js.Sequence({
      value: rdns.map(
        ([type, value]) =>
          new asn1js.Set({
            value: [
              new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), value] }),
            ],
          }),
      ),
    }).toBER(false),
  );
const utf8 = (value: string): asn1js.Utf8String => new asn1js.Utf8String({ value });

describe('distinguished names for display', () => {
  it('uses the short attribute names IT staff know', () => {
    const dn = name(
      ['2.5.4.6', new asn1js.PrintableString({ value: 'VN' })],
      ['2.5.4.8', utf8('Hà Nội')],
      ['2.5.4.7', utf8('Ba Đình')],
      ['2.5.4.10', utf8('Bộ Công an')],
      ['2.5.4.11', utf8('C06')],
      ['2.5.4.3', utf8('CSCA')],
      ['2.5.4.5', new asn1js.PrintableString({ value: '0001' })],
    );
    expect(distinguishedName(dn)).toBe(
      'C=VN, ST=Hà Nội, L=Ba Đình, O=Bộ Công an, OU=C06, CN=CSCA, SERIALNUMBER=0001',
    );
  });

  it('keeps an unknown attribute as its OID and a non-text value as "?"', () => {
    const dn = name(
      ['2.5.4.97', utf8('VATVN-0100')],
      ['2.5.4.3', new asn1js.Sequence({ value: [new asn1js.Integer({ value: 1 })] })],
    );
    expect(distinguishedName(dn)).toBe('2.5.4.97=VATVN-0100, CN=?');
  });
});
