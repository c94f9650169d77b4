/** A device line of `scanimage -L`. */
export interface SaneListedDevice {
  /** SANE device name, e.g. `test:0`, `epsonds:libusb:001:004`, `airscan:e0:HP …`. */
  readonly name: string;
  readonly vendor: string;
  /** The rest of the line: model and type, e.g. `frontend-tester virtual device`. */
  readonly description: string;
}

// device `test:0' is a Noname frontend-tester virtual device
const deviceLine = /^device `(.+)' is a (\S+) (.*)$/;

/** Parses `scanimage -L`; lines that are not device lines (warnings, "No scanners were identified") are skipped. */
export function parseSaneDeviceList(output: string): SaneListedDevice[] {
  const devices: SaneListedDevice[] = [];
  for (const line of output.split('\n')) {
    const match = deviceLine.exec(line.trim());
    if (!match) continue;
    const [, name = '', vendor = '', description = ''] = match;
    devices.push({ name, vendor, description: description.trim() });
  }
  return devices;
}
