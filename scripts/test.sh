#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need, then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need: OCR of whiteboard photos, audio decoding and diagram drawing run the real tools.
APT_PACKAGES=(tesseract-ocr tesseract-ocr-eng ffmpeg graphviz)

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

# Azurite: the Azure Blob Storage emulator the AzureBlobs conformance tests run against (they skip without it).
AZURITE_VERSION=3.37.0
AZURITE_HOST=127.0.0.1
AZURITE_PORT=10000
azurite_listening() { (exec 3<>"/dev/tcp/$AZURITE_HOST/$AZURITE_PORT") 2>/dev/null; }
if azurite_listening; then
  echo "scripts/test.sh: something already listens on $AZURITE_HOST:$AZURITE_PORT; using it as Azurite" >&2
  azurite_ready=1
else
  azurite_ready=0
  if ! command -v azurite-blob >/dev/null 2>&1; then
    if command -v npm >/dev/null 2>&1; then
      npm install -g --no-fund --no-audit "azurite@$AZURITE_VERSION" >/dev/null
    else
      echo "scripts/test.sh: npm not found, so Azurite cannot be installed; the Azurite tests will be skipped" >&2
    fi
  fi
  if command -v azurite-blob >/dev/null 2>&1; then
    AZURITE_DIR="$(mktemp -d)"
    azurite-blob --blobHost "$AZURITE_HOST" --blobPort "$AZURITE_PORT" --location "$AZURITE_DIR" \
      --silent --skipApiVersionCheck >"$AZURITE_DIR/azurite.log" 2>&1 &
    AZURITE_PID=$!
    stop_azurite() {
      # Azurite's first SIGTERM only closes the listener; it can linger after that, so it gets 5 s, then SIGKILL.
      kill "$AZURITE_PID" 2>/dev/null || true
      for _ in $(seq 1 20); do
        kill -0 "$AZURITE_PID" 2>/dev/null || break
        sleep 0.25
      done
      kill -9 "$AZURITE_PID" 2>/dev/null || true
      rm -rf "$AZURITE_DIR"
    }
    trap stop_azurite EXIT
    for _ in $(seq 1 40); do
      if azurite_listening; then azurite_ready=1; break; fi
      kill -0 "$AZURITE_PID" 2>/dev/null || break
      sleep 0.5
    done
    if ((azurite_ready == 0)); then
      echo "scripts/test.sh: Azurite did not start on $AZURITE_HOST:$AZURITE_PORT within 20 s:" >&2
      cat "$AZURITE_DIR/azurite.log" >&2 || true
      exit 1
    fi
  fi
fi
if ((azurite_ready)); then
  # Azurite's published development account, not a secret.
  export VIGIL_AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://$AZURITE_HOST:$AZURITE_PORT/devstoreaccount1;"
fi

# (No --nologo: under Microsoft.Testing.Platform it is passed to the test apps, which then run zero tests.)
dotnet test ChatAgent.sln
