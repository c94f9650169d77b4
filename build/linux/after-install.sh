#!/bin/sh
# Debian package post-install: let the kiosk user open its HID devices
# (QR scanners, FIDO keys) without root, and start pcscd on demand.
set -e
rules_src="/opt/Kiosk Một cửa/resources/udev/70-mot-cua-kiosk.rules"
if [ -f "$rules_src" ]; then
  install -m 0644 "$rules_src" /etc/udev/rules.d/70-mot-cua-kiosk.rules
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=hidraw || true
fi
if command -v systemctl >/dev/null 2>&1; then
  systemctl enable --now pcscd.socket || true
fi
