#!/usr/bin/env bash
# Installs the Debian packages the kiosk's build and tests need, when run as
# root and they are missing; otherwise prints the exact apt command.
# Called by npm install (build/system-deps) and by npm test. Idempotent and
# quick when everything is present.
set -u

# package|why
packages=(
  "libpcsclite-dev|headers the pcsclite native module compiles against"
  "pcscd|the PC/SC daemon the chip-card tests talk to"
  "pcsc-tools|pcsc_scan, for IT staff diagnosing readers"
  "vsmartcard-vpcd|virtual PC/SC reader driver (the card tests' reader)"
  "xvfb|a virtual screen for the Electron shell test where the Electron binary is present"
  "vsmartcard-vpicc|vicc, the virtual ICAO card the card tests read"
  "python3|runs vicc"
  "python3-pycryptodome|vicc's cryptography"
  "python3-cryptography|AES and CMAC of the card-side PACE test peer (pace_peer.py)"
  "time|/usr/bin/time: the cli and ocr benches read child processes' CPU seconds"
  "sane-utils|scanimage and SANE's test backend for the scanner tests"
  "tesseract-ocr|native OCR, the anchor of the OCR benchmark"
  "tesseract-ocr-vie|Vietnamese language data for the native OCR anchor"
  "tesseract-ocr-eng|English language data for the native OCR anchor"
  "poppler-utils|pdftoppm renders imported PDF pages for thumbnails and OCR (run time); pdftotext checks generated PDFs in tests"
  "chromium|the browser the end-to-end tests and the browser shell drive"
  "fonts-dejavu-core|a font with every Vietnamese diacritic for screenshots and OCR test pages"
  "fonts-ocr-b|OCR-B, the MRZ typeface, for the synthetic card-back images of the MRZ OCR tests"
  "g++|compiles native modules (better-sqlite3, pcsclite)"
  "make|compiles native modules"
  "openssl|the independent CMS and X.509 verifier the passive-authentication tests agree with"
  "zbar-tools|zbarimg, the QR decoder the receipt tests read the printed QR code back with"
  "softhsm2|a software PKCS#11 token the signing tests sign with"
  "opensc|pkcs11-tool, which loads the test key and certificate into the SoftHSM2 token"
  "libnss3-tools|certutil and pk12util make the NSS database poppler's pdfsig checks signatures against"
  "espeak-ng|the offline Vietnamese voice of the kiosk's spoken guidance (run time)"
  "sox|measures the spoken guidance's duration and level in its test"
  "postgresql|the throwaway PostgreSQL cluster the shared centre queue tests start (initdb, postgres, psql)"
)

missing=()
for entry in "${packages[@]}"; do
  name=${entry%%|*}
  if ! dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$name")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: all ${#packages[@]} Debian packages present"
  exit 0
fi

echo "install-system-deps: missing Debian packages:"
for entry in "${packages[@]}"; do
  name=${entry%%|*}
  for m in "${missing[@]}"; do
    [ "$m" = "$name" ] && echo "  - $name: ${entry#*|}"
  done
done

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: not root (or no apt-get). Run:"
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || echo "install-system-deps: apt-get update failed; trying the install anyway"
if apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/kiosk-apt.log 2>&1; then
  echo "install-system-deps: installed ${missing[*]}"
else
  echo "install-system-deps: apt-get install failed (log: /tmp/kiosk-apt.log). Run:"
  echo "  apt-get update && apt-get install -y ${missing[*]}"
  exit 1
fi
