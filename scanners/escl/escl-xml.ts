import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type {
  ColourMode,
  ScanArea,
  ScannerCapabilities,
  ScanOptions,
  ScanSource,
} from '../scanner';

/** eSCL lengths are in 1/300 inch. */
const unitsPerMm = 300 / 25.4;

const listTags = new Set([
  'ColorMode',
  'DiscreteResolution',
  'DocumentFormat',
  'DocumentFormatExt',
  'AdfOption',
  'JobInfo',
  'JobStateReason',
  'SettingProfile',
  'Intent',
]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => listTags.has(name),
});

const Num = z.coerce.number().int().nonnegative();
const Profile = z.object({
  ColorModes: z.object({ ColorMode: z.array(z.string()) }).optional(),
  SupportedResolutions: z
    .object({
      DiscreteResolutions: z
        .object({ DiscreteResolution: z.array(z.object({ XResolution: Num, YResolution: Num })) })
        .optional(),
    })
    .optional(),
  DocumentFormats: z
    .object({
      DocumentFormat: z.array(z.string()).optional(),
      DocumentFormatExt: z.array(z.string()).optional(),
    })
    .optional(),
});
const InputCaps = z.object({
  MaxWidth: Num,
  MaxHeight: Num,
  SettingProfiles: z.object({ SettingProfile: z.array(Profile) }).optional(),
});
const Capabilities = z.object({
  ScannerCapabilities: z.object({
    Version: z.string().optional(),
    MakeAndModel: z.string().optional(),
    SerialNumber: z.string().optional(),
    UUID: z.string().optional(),
    Platen: z.object({ PlatenInputCaps: InputCaps }).optional(),
    Adf: z
      .object({
        AdfSimplexInputCaps: InputCaps.optional(),
        AdfDuplexInputCaps: InputCaps.optional(),
        AdfOptions: z.object({ AdfOption: z.array(z.string()) }).optional(),
      })
      .optional(),
  }),
});

export interface EsclCapabilities {
  readonly makeAndModel?: string;
  readonly uuid?: string;
  readonly capabilities: ScannerCapabilities;
  /** Document formats the device can send, e.g. `image/jpeg`, `application/pdf`. */
  readonly formats: readonly string[];
}

const modeNames: Readonly<Record<string, ColourMode>> = {
  BlackAndWhite1: 'bitonal',
  Grayscale8: 'gray',
  RGB24: 'color',
};
const modeValues: Readonly<Record<ColourMode, string>> = {
  bitonal: 'BlackAndWhite1',
  gray: 'Grayscale8',
  color: 'RGB24',
};

/** Parses and validates `GET /eSCL/ScannerCapabilities`; everything but the sizes of an input is optional. */
export function parseEsclCapabilities(xml: string): EsclCapabilities {
  const caps = Capabilities.parse(parser.parse(xml)).ScannerCapabilities;
  const inputs: [ScanSource, z.infer<typeof InputCaps> | undefined][] = [
    ['flatbed', caps.Platen?.PlatenInputCaps],
    ['adf', caps.Adf?.AdfSimplexInputCaps],
    ['adf-duplex', caps.Adf?.AdfDuplexInputCaps],
  ];
  const present = inputs.filter(
    (entry): entry is [ScanSource, z.infer<typeof InputCaps>] => entry[1] !== undefined,
  );
  const profiles = present.flatMap(([, input]) => input.SettingProfiles?.SettingProfile ?? []);
  const modes = [
    ...new Set(
      profiles.flatMap((p) => p.ColorModes?.ColorMode ?? []).flatMap((m) => modeNames[m] ?? []),
    ),
  ];
  const resolutions = [
    ...new Set(
      profiles
        .flatMap((p) => p.SupportedResolutions?.DiscreteResolutions?.DiscreteResolution ?? [])
        .map((r) => r.XResolution),
    ),
  ].sort((a, b) => a - b);
  const formats = [
    ...new Set(
      profiles.flatMap((p) => [
        ...(p.DocumentFormats?.DocumentFormat ?? []),
        ...(p.DocumentFormats?.DocumentFormatExt ?? []),
      ]),
    ),
  ];
  const maxArea = present.reduce<ScanArea | undefined>((area, [, input]) => {
    const widthMm = Math.floor(input.MaxWidth / unitsPerMm);
    const heightMm = Math.floor(input.MaxHeight / unitsPerMm);
    return area && area.widthMm * area.heightMm >= widthMm * heightMm
      ? area
      : { widthMm, heightMm };
  }, undefined);
  const duplex =
    present.some(([source]) => source === 'adf-duplex') ||
    (caps.Adf?.AdfOptions?.AdfOption.includes('Duplex') ?? false);
  return {
    ...(caps.MakeAndModel === undefined ? {} : { makeAndModel: caps.MakeAndModel }),
    ...(caps.UUID === undefined ? {} : { uuid: caps.UUID }),
    formats,
    capabilities: {
      ...(present.length > 0 ? { sources: present.map(([source]) => source) } : {}),
      ...(resolutions.length > 0 ? { resolutions } : {}),
      ...(modes.length > 0 ? { modes } : {}),
      ...(maxArea ? { maxArea } : {}),
      ...(caps.Adf ? { duplex } : {}),
    },
  };
}

const Status = z.object({
  ScannerStatus: z.object({
    State: z.string(),
    AdfState: z.string().optional(),
    // An empty <scan:Jobs/> parses as ''.
    Jobs: z
      .literal('')
      .or(
        z.object({
          JobInfo: z.array(
            z.object({
              JobUri: z.string(),
              JobState: z.string().optional(),
              ImagesCompleted: Num.optional(),
              JobStateReasons: z.object({ JobStateReason: z.array(z.string()) }).optional(),
            }),
          ),
        }),
      )
      .optional(),
  }),
});
export type EsclStatus = z.infer<typeof Status>['ScannerStatus'];

/** Parses `GET /eSCL/ScannerStatus`: State (Idle, Processing, Testing, Stopped, Down) and AdfState. */
export function parseEsclStatus(xml: string): EsclStatus {
  return Status.parse(parser.parse(xml)).ScannerStatus;
}

/**
 * The `POST /eSCL/ScanJobs` body. Values come from enums and integers only,
 * so no escaping is needed; the region is in 1/300 inch from the top-left.
 */
export function buildScanSettings(options: ScanOptions, format: string): string {
  const source = options.source ?? 'flatbed';
  const resolution = options.resolution ?? 300;
  const region = options.area
    ? `<pwg:ScanRegions><pwg:ScanRegion><pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits><pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset><pwg:Width>${Math.round(options.area.widthMm * unitsPerMm)}</pwg:Width><pwg:Height>${Math.round(options.area.heightMm * unitsPerMm)}</pwg:Height></pwg:ScanRegion></pwg:ScanRegions>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<scan:ScanSettings xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">',
    '<pwg:Version>2.63</pwg:Version>',
    '<scan:Intent>Document</scan:Intent>',
    region,
    `<pwg:InputSource>${source === 'flatbed' ? 'Platen' : 'Feeder'}</pwg:InputSource>`,
    source === 'flatbed' ? '' : `<scan:Duplex>${String(source === 'adf-duplex')}</scan:Duplex>`,
    `<scan:ColorMode>${modeValues[options.mode ?? 'gray']}</scan:ColorMode>`,
    `<scan:XResolution>${resolution}</scan:XResolution>`,
    `<scan:YResolution>${resolution}</scan:YResolution>`,
    `<pwg:DocumentFormat>${format}</pwg:DocumentFormat>`,
    `<scan:DocumentFormatExt>${format}</scan:DocumentFormatExt>`,
    '</scan:ScanSettings>',
  ].join('');
}

/** ColorMode is a list tag in capabilities and a single value in settings. */
const OneString = z
  .union([z.string(), z.array(z.string()).length(1)])
  .transform((v) => (Array.isArray(v) ? (v[0] ?? '') : v));

const Settings = z.object({
  ScanSettings: z.object({
    InputSource: z.enum(['Platen', 'Feeder', 'Camera']).optional(),
    Duplex: z.enum(['true', 'false']).optional(),
    ColorMode: OneString.optional(),
    XResolution: Num.optional(),
    DocumentFormatExt: z.array(z.string()).optional(),
    DocumentFormat: z.array(z.string()).optional(),
  }),
});
export type EsclScanSettings = z.infer<typeof Settings>['ScanSettings'];

/** Parses a ScanSettings body (the test server's side of the exchange). */
export function parseScanSettings(xml: string): EsclScanSettings {
  return Settings.parse(parser.parse(xml)).ScanSettings;
}
