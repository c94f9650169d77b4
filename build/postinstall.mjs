// npm's postinstall: bundles the CLI and the shells (dist/node/, about a
// second with esbuild) so `kiosk` answers at once right after `npm install`.
// The renderer is built by the first `npm start` instead, keeping the
// install short. A failure here (a production install without esbuild)
// only costs speed: the `kiosk` bin then runs the sources through tsx.
try {
  const { bundleNode } = await import('./bundle-node.mjs');
  await bundleNode();
} catch (error) {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(
    `postinstall: dist/node not bundled (${reason ?? ''}); kiosk will use tsx\n`,
  );
}
