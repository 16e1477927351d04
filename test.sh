#!/usr/bin/env bash
# The test command of the README: installs the Debian tools the tests drive (once), builds everything and runs every
# test project.
set -euo pipefail
cd "$(dirname "$0")"
./build/test-dependencies.sh
dotnet test SupportLens.slnx --nologo "$@"
