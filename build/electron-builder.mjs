// @ts-check
/**
 * electron-builder configuration. Every Electron fuse is set explicitly so
 * that a new Electron default cannot loosen the packaged kiosk: no running
 * as plain Node, no NODE_OPTIONS or --inspect, the app loads only from its
 * integrity-checked asar.
 * @type {import('electron-builder').Configuration}
 */
const config = {
  appId: 'vn.motcua.kiosk',
  productName: 'Kiosk Một cửa',
  copyright: 'Kiosk Một cửa',
  directories: { output: 'dist/packages', buildResources: 'build' },
  files: ['package.json', 'dist/electron/**', 'dist/renderer/**', '!**/*.map'],
  asar: true,
  // Native modules, the OCR language data and the WIA bridge script (run by
  // PowerShell, which cannot read inside an asar) must be real files on disk.
  asarUnpack: [
    '**/*.node',
    '**/wia-bridge.ps1',
    'node_modules/@tesseract.js-data/**',
    'node_modules/tesseract.js-core/**',
  ],
  // The udev rule that build/linux/after-install.sh installs.
  extraResources: [{ from: 'build/udev', to: 'udev' }],
  // Rebuild native modules (better-sqlite3, pcsclite, node-hid) for Electron's ABI.
  npmRebuild: true,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['deb', 'AppImage'],
    category: 'Office',
    maintainer: 'Kiosk Một cửa',
  },
  deb: {
    // tesseract-ocr-vie: the OS's smaller OCR model, which ocr.modelDir=auto prefers (faster at equal accuracy).
    depends: [
      'pcscd',
      'libpcsclite1',
      'sane-utils',
      'poppler-utils',
      'libnss3',
      'tesseract-ocr-vie',
    ],
    afterInstall: 'build/linux/after-install.sh',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: true, allowToChangeInstallationDirectory: false },
};

export default config;
