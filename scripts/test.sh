#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need, then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need: OCR of whiteboard photos and audio decoding run the real tools.
APT_PACKAGES=(tesseract-ocr tesseract-ocr-eng ffmpeg)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "scripts/test.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

if [ ! -d ../shared/corpus ]; then
  echo "scripts/test.sh: ../shared/corpus not found next to the repository; the corpus tests need it" >&2
fi

# (No --nologo: under Microsoft.Testing.Platform it is passed to the test apps, which then run zero tests.)
dotnet test ChatAgent.sln
